import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SUBGRAPH_NAMES } from "../lib/subgraph-names";
import { startSystem, type TestSystem } from "../test/support/system";
import { metricsUrlOf, runBench, type BenchResults } from "./bench";
import { writeResults } from "./output";
import { WORKLOAD_NAMES } from "./workloads";

/**
 * The harness in quick mode against the in-process system (all services share this process, so every service
 * reports the same RSS and CPU: fine for checking the plumbing). No timing assertions: the harness measures, it
 * does not judge.
 */
describe("npm run bench, quick, against the in-process system", () => {
  let system: TestSystem;
  let results: BenchResults;
  let outDir: string;

  beforeAll(async () => {
    system = await startSystem();
    const subgraphMetricsUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, metricsUrlOf(system.subgraphs[name].url)]));
    results = await runBench({
      gatewayUrl: system.gateway.url,
      subgraphMetricsUrls,
      durationSec: 1,
      warmupSec: 0, // keeps the test short; warm-up is the same runLoad, unmeasured
      maxParticipantIds: 300,
      connections: [1, 4],
      log: () => undefined,
    });
    outDir = mkdtempSync(path.join(os.tmpdir(), "njsp-bench-"));
  }, 60_000);

  afterAll(async () => {
    await system?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("runs every workload at every concurrency without errors", () => {
    expect(results.rounds.map((r) => `${r.workload}×${r.connections}`)).toEqual(
      WORKLOAD_NAMES.flatMap((w) => [`${w}×1`, `${w}×4`]),
    );
    for (const round of results.rounds) {
      expect({ round: `${round.workload}×${round.connections}`, errors: round.errors }).toEqual({
        round: `${round.workload}×${round.connections}`,
        errors: expect.objectContaining({ total: 0 }),
      });
      expect(round.requests).toBeGreaterThan(0);
      for (const value of [round.requestsPerSec, round.latencyMs.p50, round.latencyMs.p95, round.latencyMs.p99]) {
        expect(Number.isFinite(value)).toBe(true);
      }
    }
    expect(results.data.participants).toBeGreaterThan(0);
  });

  it("reads every service's metrics: RSS, CPU and SQL statements per request", () => {
    for (const round of results.rounds) {
      expect(Object.keys(round.services).sort()).toEqual(["gateway", ...SUBGRAPH_NAMES].sort());
      expect(round.services.gateway?.rssMb).toBeGreaterThan(0);
      expect(typeof round.services.gateway?.cpuSec).toBe("number");
      for (const name of SUBGRAPH_NAMES) expect(typeof round.services[name]?.sqlPerRequest).toBe("number");
      // every workload reads job-centers' database
      expect(round.services["job-centers"]?.sqlPerRequest).toBeGreaterThan(0);
    }
  });

  it("writes JSON that parses back, Markdown naming every workload, and an SVG chart", () => {
    const written = writeResults(results, outDir);
    expect(JSON.parse(readFileSync(written.latestJson, "utf8"))).toEqual(JSON.parse(JSON.stringify(results)));
    expect(readFileSync(written.json, "utf8")).toBe(readFileSync(written.latestJson, "utf8"));
    const markdown = readFileSync(written.markdownPath, "utf8");
    for (const workload of WORKLOAD_NAMES) expect(markdown).toContain(`| ${workload} |`);
    const svg = readFileSync(written.svgPath, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.trim().endsWith("</svg>")).toBe(true);
    for (const workload of WORKLOAD_NAMES) expect(svg).toContain(workload);
  });
});
