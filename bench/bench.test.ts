import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { SUBGRAPH_NAMES } from "@subgraphs/registry";
import { CONTRACT, contract, startSystem, type TestSystem } from "../test/support/system";
import { tokenFor } from "../test/support/test-auth";
import { runBench } from "./bench";
import { executePlan } from "./floor/execute";
import { httpSubgraphCall } from "./floor/http-call";
import { buildOperationPlan } from "./floor/plan";
import { authorizationHeaders } from "./gateway-client";
import { metricsUrlOf } from "./metrics";
import { writeResults } from "./output";
import { startHiveGateway, type RunningHiveGateway } from "./peer/hive-gateway";
import type { BenchResults } from "./types";
import { WORKLOAD_NAMES } from "./workloads";

/**
 * The harness in quick mode against the in-process system (all services share this process, so every service
 * reports the same RSS and CPU: fine for checking the plumbing). No timing assertions: the harness measures, it
 * does not judge. Every request carries the token of the counsellor with the most participants, as in `npm run bench`.
 */
describe("npm run bench, quick, against the in-process system", () => {
  let system: TestSystem;
  let results: BenchResults;
  let outDir: string;

  let subgraphUrls: Record<string, string>;
  let subgraphMetricsUrls: Record<string, string>;
  let token: string;

  beforeAll(async () => {
    system = await startSystem();
    const [counselor] = await system.sql<{ id: number; center: number }>(
      "job-centers",
      `SELECT c.id, c.employment_center_id AS center FROM counselor c
       JOIN participant p ON p.counselor_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
    );
    token = await tokenFor("COUNSELOR", counselor.center, String(counselor.id));
    subgraphUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].url]));
    subgraphMetricsUrls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, metricsUrlOf(system.subgraphs[name].url)]));
    results = await runBench({
      gatewayUrl: system.gateway.url,
      subgraphMetricsUrls,
      subgraphUrls, // measures the floor, 1 s
      token,
      seededParticipants: null,
      // 2 s: under a loaded CI machine a 1 s round at concurrency 1 once got no answer in time (autocannon drops the
      // request still in flight when the round ends)
      durationSec: 2,
      warmupSec: 0, // keeps the test short; warm-up is the same runLoad, unmeasured
      maxParticipantIds: 300,
      connections: [1, 4],
      log: () => undefined,
    });
    outDir = mkdtempSync(path.join(os.tmpdir(), "njsp-bench-"));
  }, 180_000);

  afterAll(async () => {
    await system?.stop();
    if (outDir) rmSync(outDir, { recursive: true, force: true });
  });

  it("runs every workload at every concurrency without errors", () => {
    expect(results.rounds.map((r) => `${r.workload}×${r.connections}`)).toEqual(WORKLOAD_NAMES.flatMap((w) => [`${w}×1`, `${w}×4`]));
    for (const round of results.rounds) {
      expect({ round: `${round.workload}×${round.connections}`, errors: round.errors }).toEqual({
        round: `${round.workload}×${round.connections}`,
        errors: expect.objectContaining({ total: 0 }),
      });
      // named, so that a failure says which round
      expect({ round: `${round.workload}×${round.connections}`, answered: round.requests > 0 }).toEqual({
        round: `${round.workload}×${round.connections}`,
        answered: true,
      });
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

  it("measures Participant360's floor right after its concurrency-1 round, without errors", () => {
    const floor = results.floor;
    expect(floor).toMatchObject({ workload: "Participant360", connections: 1, subgraphCalls: 4, errors: 0 });
    expect(floor?.requests).toBeGreaterThan(0);
    expect(floor?.latencyMs.p50).toBeGreaterThan(0);
    const markdown = writeResults(results, outDir).markdown;
    expect(markdown).toMatch(
      /Participant360 gateway overhead at concurrency 1: p50 ours [\d.]+ ms \/ floor [\d.]+ ms = [\d.]+× \(target ≤ 1\.5×\)/,
    );
    expect(markdown).not.toContain("peer");
    expect(results.reportLatency.firstMs).toBeGreaterThan(0);
    expect(markdown).toMatch(/national ProgramReport 2022: first request [\d.]+ ms .* then p50 [\d.]+ ms/);
  });

  it("executes the plan against the subgraphs into what the gateway answers", async () => {
    const id = (await contract(system, "Caseload", { first: 5 }, token)).data?.participants.edges[0].node.id as string;
    const viaGateway = await contract(system, "Participant360", { id }, token);
    const plan = buildOperationPlan(readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"), CONTRACT, "Participant360");
    const { call, close } = httpSubgraphCall(subgraphUrls, authorizationHeaders(token));
    try {
      const direct = await executePlan(plan, { id }, call);
      expect(direct.errors).toEqual([]);
      // the plan also fetches the __typename the entity fetches need: the gateway's answer is a subset of it
      expect(direct.data).toMatchObject(viaGateway.data as Record<string, unknown>);
    } finally {
      close();
    }
  });

  describe("with the peer gateway (Hive Gateway, in this process)", () => {
    let peer: RunningHiveGateway;
    let withPeer: BenchResults;

    beforeAll(async () => {
      peer = await startHiveGateway({ supergraphSdl: readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"), subgraphUrls });
      withPeer = await runBench({
        gatewayUrl: system.gateway.url,
        subgraphMetricsUrls,
        peer: { url: peer.url, pid: process.pid },
        token,
        // four short rounds: this checks the plumbing, it measures nothing (long enough for a cold first request of a
        // real caseload page through the peer, which plans it then)
        durationSec: 1.5,
        warmupSec: 0,
        maxParticipantIds: 100,
        connections: [1, 2],
        workloads: ["Caseload"],
        log: () => undefined,
      });
    }, 60_000);

    afterAll(async () => {
      await peer?.stop();
    });

    const askPeer = (operationName: string, variables: Record<string, unknown>, headers: Record<string, string>) =>
      fetch(peer.url, {
        method: "POST",
        headers: { ...headers, "content-type": "application/json" },
        body: JSON.stringify({ query: CONTRACT, operationName, variables }),
      });

    it("answers the contract's operations with the counsellor's token exactly as our gateway does", async () => {
      const id = (await contract(system, "Caseload", { first: 5 }, token)).data?.participants.edges[0].node.id as string;
      for (const [operationName, variables] of [
        ["Participant360", { id }],
        ["Caseload", { first: 10 }],
        ["RegionDirectory", { code: "28" }],
        ["ProgramReport", { year: 2022 }],
      ] as const) {
        const response = await askPeer(operationName, variables, authorizationHeaders(token));
        expect(response.status).toBe(200);
        const ours = await contract(system, operationName, variables, token);
        const peer = (await response.json()) as { data?: unknown; errors?: Array<{ path?: unknown; extensions?: { code?: unknown } }> };
        // the same data, and the same policy answers (a suppressed figure) on the same fields: Hive's paths of an
        // entity fetch's errors stop at the list, without the row's index, so the field's name is what both give
        const answers = (errors: typeof peer.errors) =>
          (errors ?? []).map((e) => `${String(e.extensions?.code)} ${String((e.path as unknown[] | undefined)?.at(-1))}`).sort();
        expect({ operationName, data: peer.data, errors: answers(peer.errors) }).toEqual({
          operationName,
          data: ours.data,
          errors: answers(ours.errors as typeof peer.errors),
        });
      }
    });

    it("forwards the client's Authorization: without it the subgraphs refuse the peer", async () => {
      const body = (await (await askPeer("Caseload", { first: 1 }, {})).json()) as { errors?: unknown[] };
      expect(body.errors?.length).toBeGreaterThan(0);
    });

    it("runs the peer's round next to ours, alternating which goes first, with RSS and CPU from /proc", () => {
      expect(withPeer.rounds.map((r) => [r.connections, r.order])).toEqual([
        [1, "ours-first"],
        [2, "peer-first"],
      ]);
      for (const round of withPeer.rounds) {
        expect(round.peer?.errors.total).toBe(0);
        expect(round.peer?.requests).toBeGreaterThan(0);
        expect(round.peer?.rssMb).toBeGreaterThan(0);
        expect(typeof round.peer?.cpuSec).toBe("number");
        expect(round.peer?.subgraphs["job-centers"]?.sqlPerRequest).toBeGreaterThan(0);
        // a 2 s round is one slice: one turn each
        expect(round.slices).toBe(1);
        expect(round.peerSliceRatios).toEqual([round.requestsPerSec / round.peer!.requestsPerSec]);
      }
      expect(withPeer.floor).toBeUndefined(); // no subgraph URLs given
      expect(writeResults(withPeer, outDir).markdown).toContain("ours/peer req/s");
    });
  });
});
