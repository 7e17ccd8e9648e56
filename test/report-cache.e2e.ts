import { randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { createGateway, type RunningGateway } from "../gateway/src/server";
import { contract, startSystem, subgraphUrlsOf, type TestSystem } from "./support/system";
import { TEST_AUTH, testVerifier, tokenFor } from "./support/test-auth";

/**
 * Two gateways share report answers through the real Redis (127.0.0.1:6379, under a prefix of this run's own); an
 * answer is recomputed once any agency's figures version moves. Whether a request reached a subgraph's report is
 * read from the subgraphs' SQL statement counters: a hit costs each subgraph one statement (its figures version),
 * a miss that plus the report's own (2 / 1 / 1 / 1, README "Layout").
 */
const REDIS_URL = "redis://127.0.0.1:6379";
const PREFIX = `njsp-test:report:${randomUUID()}`;
const HIT = { "job-centers": 1, "local-job-centers": 1, "saeil-centers": 1, "welfare-partners": 1 };
const MISS = { "job-centers": 3, "local-job-centers": 2, "saeil-centers": 2, "welfare-partners": 2 };

let system: TestSystem;
let second: RunningGateway;
let redis: Redis;
const cache = { redisUrl: REDIS_URL, ttlSeconds: 120, keyPrefix: PREFIX };

beforeAll(async () => {
  system = await startSystem({ gateway: { reportCache: cache } });
  second = await createGateway({
    subgraphUrls: subgraphUrlsOf(system.subgraphs),
    supergraphSdl: await (await import("node:fs/promises")).readFile("schema/supergraph.graphql", "utf8"),
    auth: { verify: testVerifier, gatewaySecret: TEST_AUTH.gatewaySecret },
    reportCache: cache,
  });
  redis = new Redis(REDIS_URL);
});
afterAll(async () => {
  await second?.stop();
  await system?.stop();
  if (redis) {
    const keys = await redis.keys(`${PREFIX}:*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
  }
});

const REPORT =
  "query ProgramReport($year: Int!) { programReport(year: $year) { year regions { region { code } applicants employed outreachDiscovered saeilEnrollments welfareReferrals } } }";

/** Sends the report through `gateway` and returns its answer, the SQL statements each subgraph ran, and the time. */
async function report(gateway: RunningGateway, token: string, year = 2022) {
  const before = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].sqlCounter.total]));
  const started = performance.now();
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: REPORT, variables: { year }, operationName: "ProgramReport" }),
  });
  const body = await response.text();
  const ms = performance.now() - started;
  const statements = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].sqlCounter.total - before[name]]));
  return { status: response.status, body, statements: statements as Record<SubgraphName, number>, ms };
}

it("shares one answer between two gateways, keyed by viewer shape, and recomputes it after the figures change", async () => {
  const manager = await tokenFor("CENTER_MANAGER", 21, "manager-cache");
  const otherManager = await tokenFor("COUNSELOR", 22, "counsellor-cache");
  const analyst = await tokenFor("ANALYST");

  const first = await report(system.gateway, manager);
  expect(first.status).toBe(200);
  expect(first.statements).toEqual(MISS);
  const parsed = JSON.parse(first.body) as { data: { programReport: { regions: unknown[] } }; errors?: { extensions: { code: string } }[] };
  expect(parsed.data.programReport.regions).toHaveLength(17);
  // withheld cells travel with the cached answer: they are part of it
  expect(new Set((parsed.errors ?? []).map((e) => e.extensions.code))).toEqual(new Set(parsed.errors ? ["SUPPRESSED"] : []));

  // the other gateway, another person of the same shape (an office's staff with the same scopes): no report SQL
  const shared = await report(second, otherManager);
  expect(shared.statements).toEqual(HIT);
  expect(shared.body).toBe(first.body);

  // an analyst has other scopes: an answer of its own, the same figures
  const analysts = await report(second, analyst);
  expect(analysts.statements).toEqual(MISS);
  expect(JSON.parse(analysts.body)).toEqual(parsed);
  expect((await report(system.gateway, analyst)).statements).toEqual(HIT);

  // a writer changes welfare-partners' figures: the next answer is computed again, then shared again
  await system.sql("welfare-partners", BUMP_FIGURES_VERSION);
  const recomputed = await report(second, manager);
  expect(recomputed.statements).toEqual(MISS);
  expect(recomputed.body).toBe(first.body);
  const hits: number[] = [];
  for (let i = 0; i < 20; i++) {
    const hit = await report(system.gateway, manager);
    expect(hit.statements).toEqual(HIT);
    hits.push(hit.ms);
  }
  // three answers (two shapes, then one of them again after the bump), and which subgraphs each shape's is made of
  expect((await redis.keys(`${PREFIX}:*`)).filter((key) => !key.startsWith(`${PREFIX}:sources:`))).toHaveLength(3);
  expect(await redis.keys(`${PREFIX}:sources:*`)).toHaveLength(2);

  const misses: number[] = [];
  for (let i = 0; i < 5; i++) {
    await system.sql("job-centers", BUMP_FIGURES_VERSION);
    misses.push((await report(system.gateway, manager)).ms);
  }
  const trivial: number[] = [];
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    await system.query("{ __typename }", {}, undefined, manager);
    trivial.push(performance.now() - started);
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(1);
  // for the record (README): what a hit saves, next to the cheapest request the gateway answers
  console.log(
    `[report-cache] medians: hit ${median(hits)} ms (20), miss ${median(misses)} ms (5), { __typename } ${median(trivial)} ms (20)`,
  );
});

it("does not cache other operations, nor answers with a subgraph's failure", async () => {
  const manager = await tokenFor("CENTER_MANAGER", 21, "manager-cache");
  const directory = () => contract(system, "RegionDirectory", { code: "28" }, manager);
  await directory();
  const before = system.subgraphs["job-centers"].sqlCounter.total;
  await directory();
  expect(system.subgraphs["job-centers"].sqlCounter.total).toBeGreaterThan(before);

  // a year no answer was cached for, with one agency down: the answer names the outage and is not kept
  const kept = (await redis.keys(`${PREFIX}:*`)).length;
  await system.stopSubgraph("saeil-centers");
  const down = await report(system.gateway, manager, 2021);
  expect(JSON.parse(down.body).errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toContain("SUBGRAPH_UNAVAILABLE");
  expect(await redis.keys(`${PREFIX}:*`)).toHaveLength(kept);
});
