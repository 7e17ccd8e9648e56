import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "pg";
import { createSubgraphServer } from "@lib/http/create-subgraph-server";
import type { RunningService } from "@lib/http/service";
import { SUBGRAPHS } from "@subgraphs/registry";
import { scrape, valuesOf } from "./support/prometheus";
import { startSystem, type TestSystem } from "./support/system";
import { TEST_AUTH, tokenFor } from "./support/test-auth";
import { scratchDatabases } from "./support/scratch-databases";

/**
 * A client that goes away takes its work with it, through the gateway too: the gateway closes the subgraph calls it
 * made for that client, and the subgraph cancels their SQL. A table lock held by the test keeps welfare-partners'
 * statement waiting; nothing else could end it here (no statement_timeout, a gateway timeout of a minute), so the
 * statement leaving pg_stat_activity is the cancel. A breaker that opens at the first failure shows it never counts.
 */
const QUERY = "{ welfarePartners { id name } }";
const DEADLINE_MS = 10_000; // generous for a loaded 2-core machine: without the cancel the statement would wait for ever
// databases of this file's own: the locked table and pg_stat_activity are then this test's alone, whatever the test
// files running in parallel read (on the shared databases their statements waited on the lock and were counted)
let url: string;

let locker: Client;
let welfare: RunningService;
let system: TestSystem;
let token: string;

beforeAll(async () => {
  url = (await scratchDatabases("client_gone"))["welfare-partners"];
  locker = new Client({ connectionString: url });
  await locker.connect();
  const built = await createSubgraphServer(SUBGRAPHS["welfare-partners"], {
    databaseUrl: url,
    poolSize: 4,
    auth: TEST_AUTH,
    statementTimeoutMs: 0,
  });
  welfare = await built.listen(0);
  system = await startSystem({
    external: { "welfare-partners": welfare.url },
    gateway: { timeoutMs: 60_000, resilience: { breaker: { failures: 1, halfOpenAfterMs: 60_000, retries: 0 } } },
  });
  token = await tokenFor("COUNSELOR", 21, "counsellor-client-gone");
}, 60_000);
afterEach(() => locker.query("ROLLBACK"));
afterAll(async () => {
  await system?.stop();
  await welfare?.stop();
  await locker?.end();
});

/** Statements of welfare-partners waiting on the locked table. */
const waiting = async () => {
  // inside the locker's transaction pg_stat_activity is a snapshot kept until its end: refresh it
  await locker.query("SELECT pg_stat_clear_snapshot()");
  const { rows } = await locker.query<{ n: string }>(
    "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active' AND query LIKE '%welfare_partner%'",
  );
  return Number(rows[0].n);
};
const until = async (count: number) => {
  const started = Date.now();
  while ((await waiting()) !== count && Date.now() - started < DEADLINE_MS) await sleep(25);
  return waiting();
};
const lock = async () => {
  await locker.query("BEGIN");
  await locker.query("LOCK TABLE welfare_partner IN ACCESS EXCLUSIVE MODE");
};
/** A client of the gateway that may hang up: the promise settles with the error's name once it does. */
const ask = (signal: AbortSignal) =>
  fetch(system.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY }),
    signal,
  }).catch((error: Error) => error.name);
const gatewayMetrics = async () => {
  const samples = await scrape(system.gateway.url);
  const one = (name: string) => valuesOf(samples, name, { subgraph: "welfare-partners" })[0]?.value;
  return { fetchErrors: one("njsp_gateway_subgraph_fetch_errors_total"), breaker: one("njsp_gateway_subgraph_breaker_state") };
};
const answeredWhole = async () => {
  const answer = await system.query<{ welfarePartners: Array<{ id: string }> }>(QUERY, {}, undefined, token);
  const [{ n }] = await system.sql<{ n: string }>("welfare-partners", "SELECT count(*) AS n FROM welfare_partner");
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.welfarePartners).toHaveLength(Number(n));
};

it("cancels the subgraph's SQL when the client hangs up, without counting it against the subgraph", async () => {
  await lock();
  const client = new AbortController();
  const pending = ask(client.signal);
  expect(await until(1)).toBe(1); // the gateway called welfare-partners, whose statement waits for the lock
  client.abort();
  expect(await pending).toBe("AbortError");
  const left = Date.now();
  expect(await until(0)).toBe(0);
  console.log(`[client-gone] statement gone ${Date.now() - left} ms after the client hung up`);
  await locker.query("ROLLBACK");

  // one counted failure would have opened this breaker: it is closed, and the next request is answered whole
  expect(await gatewayMetrics()).toEqual({ fetchErrors: 0, breaker: 0 });
  await answeredWhole();
});

it("keeps a call shared by two clients until the second one hangs up too", async () => {
  await lock();
  const first = new AbortController();
  const second = new AbortController();
  const pending = [ask(first.signal), ask(second.signal)];
  expect(await until(1)).toBe(1); // identical queries in flight share one subgraph call (in-flight-dedup.ts)
  first.abort();
  expect(await pending[0]).toBe("AbortError");
  await sleep(500); // the first one's departure alone must not cancel the second one's answer
  expect(await waiting()).toBe(1);
  second.abort();
  expect(await pending[1]).toBe("AbortError");
  expect(await until(0)).toBe(0);
  await locker.query("ROLLBACK");

  expect(await gatewayMetrics()).toEqual({ fetchErrors: 0, breaker: 0 });
  await answeredWhole();
});

it("still answers the client who stayed when another one sharing its call hangs up", async () => {
  await lock();
  const leaving = new AbortController();
  const gone = ask(leaving.signal);
  const staying = system.query<{ welfarePartners: Array<{ id: string }> }>(QUERY, {}, undefined, token);
  expect(await until(1)).toBe(1);
  leaving.abort();
  expect(await gone).toBe("AbortError");
  await locker.query("ROLLBACK");
  const answer = await staying;
  const [{ n }] = await system.sql<{ n: string }>("welfare-partners", "SELECT count(*) AS n FROM welfare_partner");
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.welfarePartners).toHaveLength(Number(n));
  expect(await gatewayMetrics()).toEqual({ fetchErrors: 0, breaker: 0 });
});
