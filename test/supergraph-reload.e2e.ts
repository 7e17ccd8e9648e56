import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { contract, startSystem, type TestSystem } from "./support/system";

/**
 * The gateway serves a supergraph file and swaps in each new version while requests keep coming; a version it
 * cannot serve is refused and logged, and the last good one goes on serving.
 */
const ORIGINAL = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");
const OLD = "A region by its legal-dong code; null for an unknown code.";
const NEW = "A region by its legal-dong code (법정동코드, reloaded); null for an unknown code.";
const VARIANT = ORIGINAL.replace(OLD, NEW);
const REGION_FIELD = "region(code: String!): Region @join__field(graph: JOB_CENTERS)";
/** Parses, but Apollo's supergraph validation refuses it: no such subgraph. */
const INVALID = VARIANT.replace(REGION_FIELD, "region(code: String!): Region @join__field(graph: NOWHERE)");
/** Valid for Apollo, but a rule names a scope nobody has: our authorization reader refuses it. */
const UNKNOWN_SCOPE = VARIANT.replace('@requiresScopes(scopes: [["report:read"]])', '@requiresScopes(scopes: [["report:raed"]])');
const DESCRIBE = '{ __type(name: "Query") { fields { name description } } }';

let dir: string;
let file: string;
let system: TestSystem;
const logs: string[] = [];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "njsp-supergraph-"));
  file = path.join(dir, "supergraph.graphql");
  writeFileSync(file, ORIGINAL);
  const log = { info: (m: string) => logs.push(m), error: (m: string) => logs.push(m) };
  // a generous subgraph timeout: what fails here must be the swap, not a subgraph slowed by the other test files
  // running in parallel on two cores (three 2.5 s timeouts once failed this test in CI)
  system = await startSystem({ gateway: { timeoutMs: 10_000, supergraphFile: { path: file, pollMs: 50, settleMs: 50, log } } });
});
afterAll(async () => {
  await system?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** As a deployment should replace it: written beside, then renamed over, so no reader sees half a file. */
function replaceFile(sdl: string): void {
  writeFileSync(`${file}.next`, sdl);
  renameSync(`${file}.next`, file);
}

async function regionDescription(): Promise<string> {
  const { data, errors } = await system.query(DESCRIBE);
  expect(errors).toBeUndefined();
  return regionFieldOf(data!);
}

function regionFieldOf(data: Record<string, any>): string {
  return (data.__type.fields as { name: string; description: string }[]).find((f) => f.name === "region")!.description;
}

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return Date.now() - started;
}

/** Clients sending requests back to back until stopped; each response is checked in full. */
function steadyStream(clients: number, expected: string) {
  let running = true;
  const stats = { requests: 0, failures: [] as string[], descriptions: new Set<string>() };
  const client = async () => {
    while (running) {
      try {
        const directory = await contract(system, "RegionDirectory", { code: "28" });
        stats.requests += 1;
        if (JSON.stringify(directory) !== expected) stats.failures.push(JSON.stringify(directory).slice(0, 300));
        const described = await system.query(DESCRIBE);
        stats.requests += 1;
        if (described.errors) stats.failures.push(JSON.stringify(described.errors));
        else stats.descriptions.add(regionFieldOf(described.data!));
      } catch (error) {
        // a connection dropped or refused counts as a failed request, not as a crash of the test
        stats.requests += 1;
        stats.failures.push(String(error));
      }
    }
  };
  const done = Promise.all(Array.from({ length: clients }, client));
  return { stats, stop: () => ((running = false), done) };
}

it("swaps a new supergraph in under load without failing a request, and refuses bad ones", async () => {
  expect(VARIANT).not.toBe(ORIGINAL);
  expect(INVALID).not.toBe(VARIANT);
  expect(UNKNOWN_SCOPE).not.toBe(VARIANT);
  const baseline = await contract(system, "RegionDirectory", { code: "28" });
  expect(baseline.data!.region.name).toBe("인천광역시");
  expect(await regionDescription()).toBe(OLD);

  const stream = steadyStream(8, JSON.stringify(baseline));
  let reloadMs: number | undefined;
  let duringSwap: number | undefined;
  try {
    await until("requests", () => stream.stats.requests >= 50);
    const beforeSwap = stream.stats.requests;
    replaceFile(VARIANT);
    reloadMs = await until("the new description", async () => (await regionDescription()) === NEW);
    expect(logs.filter((m) => m.includes("supergraph reloaded"))).toHaveLength(1);
    duringSwap = stream.stats.requests - beforeSwap;

    const refusals = [
      ["type Query {", "refused"],
      [INVALID, "refused"],
      [UNKNOWN_SCOPE, 'unknown scopes or policies: scope "report:raed"'],
    ];
    for (const [sdl, message] of refusals) {
      const before = logs.length;
      replaceFile(sdl);
      await until(`refusal: ${message}`, () => logs.slice(before).some((m) => m.includes("refused") && m.includes(message)));
      expect(await regionDescription()).toBe(NEW);
    }
    // a good version after the bad ones is served again
    replaceFile(ORIGINAL);
    await until("the original description", async () => (await regionDescription()) === OLD);
  } finally {
    await stream.stop();
  }
  const { stats } = stream;

  console.log(
    `[supergraph-reload] ${stats.requests} requests, ${stats.failures.length} failed; reload seen after ${reloadMs} ms, ${duringSwap} requests answered meanwhile`,
  );
  // the swap happened while the clients were being answered, not in a pause between them
  expect(duringSwap).toBeGreaterThan(0);
  expect(stats.failures).toEqual([]);
  expect(stats.requests).toBeGreaterThan(50);
  expect(stats.descriptions).toEqual(new Set([OLD, NEW]));
  expect(logs.filter((m) => m.includes("supergraph reloaded"))).toHaveLength(2);
  expect(logs.filter((m) => m.includes("refused"))).toHaveLength(3);
});
