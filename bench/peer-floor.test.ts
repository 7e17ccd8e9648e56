import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { launcherCounselorToken } from "./launcher-token";
import { parseCli } from "./options";
import { parseStatCpuTicks, parseStatParentPid, parseVmRss, readProcessSnapshot } from "./peer";
import { readPeerEnv, rewriteSubgraphUrls } from "./peer/hive-gateway";
import { floorLines, ratio, renderMarkdown } from "./report-markdown";
import { renderSvg } from "./report-svg";
import { dataSizeEnv, startupTimeoutMs } from "./system";
import type { BenchResults, RoundResult } from "./types";

const SUPERGRAPH = readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");

describe("peer gateway helpers", () => {
  const urls = {
    "job-centers": "http://127.0.0.1:5101/graphql",
    "local-job-centers": "http://127.0.0.1:5102/graphql",
    "saeil-centers": "http://127.0.0.1:5103/graphql",
    "welfare-partners": "http://127.0.0.1:5104/graphql",
  };

  it("rewrites every @join__graph URL of the supergraph and nothing else", () => {
    const rewritten = rewriteSubgraphUrls(SUPERGRAPH, urls);
    for (const [name, url] of Object.entries(urls)) expect(rewritten).toContain(`@join__graph(name: "${name}", url: "${url}")`);
    expect(rewritten).not.toMatch(/localhost:400\d/);
    const strip = (sdl: string) => sdl.replace(/url: "[^"]*"/g, 'url: ""');
    expect(strip(rewritten)).toBe(strip(SUPERGRAPH));
  });

  it("refuses a subgraph without a URL, and a URL for an unknown subgraph", () => {
    const { "welfare-partners": _omitted, ...three } = urls;
    expect(() => rewriteSubgraphUrls(SUPERGRAPH, three)).toThrow(/welfare-partners/);
    expect(() => rewriteSubgraphUrls(SUPERGRAPH, { ...urls, nope: "http://x/graphql" })).toThrow(/nope/);
  });

  it("reads its settings from the gateway's variables", () => {
    const env = readPeerEnv({ PORT: "0", JOB_CENTERS_URL: urls["job-centers"], SUPERGRAPH_PATH: "schema/supergraph.graphql" });
    expect(env.port).toBe(0);
    expect(env.supergraphPath).toBe(path.join(SCHEMA_DIR, "supergraph.graphql"));
    expect(env.subgraphUrls["job-centers"]).toBe(urls["job-centers"]);
    expect(env.subgraphUrls["welfare-partners"]).toBe("http://localhost:4004/graphql");
  });

  it("reads RSS and CPU time from /proc", () => {
    expect(parseVmRss("Name:\tnode\nVmRSS:\t  123456 kB\nVmSwap: 0 kB\n")).toBe(123456 * 1024);
    expect(parseVmRss("Name:\tkthread\n")).toBeNull();
    // comm with spaces and parentheses; utime = 250, stime = 50 (fields 14 and 15)
    const stat = "4242 (node (peer) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 11 0 100 1000000 5000";
    expect(parseStatCpuTicks(stat)).toBe(300);
    expect(parseStatParentPid(stat)).toBe("1");
    const own = readProcessSnapshot(process.pid);
    if (process.platform === "linux") {
      expect(own?.rssBytes).toBeGreaterThan(0);
      expect(own?.cpuSeconds).toBeGreaterThan(0);
    }
    expect(readProcessSnapshot(2 ** 30)).toBeNull();
  });
});

describe("peer and floor in the report and on the command line", () => {
  const load = (rps: number, p50: number, p99: number) => ({
    durationSec: 5,
    requests: rps * 5,
    sent: rps * 5,
    requestsPerSec: rps,
    latencyMs: { p50, p95: p99, p99, mean: p50, max: p99 },
    errors: { total: 0, non2xx: 0, timeouts: 0, connection: 0, graphql: 0 },
  });
  const round: RoundResult = {
    workload: "Participant360",
    connections: 1,
    ...load(200, 4, 8),
    services: { gateway: { rssMb: 100, cpuSec: 2, sqlPerRequest: null } },
    peer: { ...load(100, 8, 16), rssMb: 150, cpuSec: 4, subgraphs: {} },
    order: "ours-first",
  };
  const results: BenchResults = {
    startedAt: "2026-01-01T00:00:00.000Z",
    finishedAt: "2026-01-01T00:01:00.000Z",
    reportLatency: { year: 2022, firstMs: 120, warmP50Ms: 12, samples: 20 },
    gatewayUrl: "http://127.0.0.1:4000/graphql",
    peerUrl: "http://127.0.0.1:4100/graphql",
    peerName: "Hive Gateway (@graphql-hive/gateway)",
    machine: {
      cpuModel: "cpu",
      cpuCount: 2,
      totalMemoryGb: 4,
      platform: "linux",
      release: "6",
      arch: "x64",
      nodeVersion: "v20",
      hostname: "h",
    },
    data: { participants: 20000, seededParticipants: 20000, participantIdsUsed: 2000, employmentCenters: 133, regions: 17 },
    settings: { durationSec: 5, warmupSec: 3, warmupConnections: 4, connections: [1], workloads: ["Participant360"] },
    rounds: [round],
    floor: { workload: "Participant360", connections: 1, ...load(400, 2, 4), subgraphCalls: 4, errors: 0, client: "node:http" },
  };

  it("shows the peer's columns with ours/peer ratios and the floor lines", () => {
    const markdown = renderMarkdown(results);
    expect(markdown).toContain("| peer req/s | peer p99 | ours/peer req/s | ours/peer p99 |");
    expect(markdown).toContain("| Participant360 | 1 | 200.0 | 4.0 | 8.0 | 8.0 | 0 | 2.00 | 100 | 100.0 | 16.0 | 2.00 | 0.50 |");
    expect(floorLines(results)).toEqual([
      expect.stringContaining("4 subgraph calls"),
      "- Participant360 gateway overhead at concurrency 1: p50 ours 4.00 ms / floor 2.00 ms = 2.00× (target ≤ 1.5×)",
      "- Participant360 gateway overhead at concurrency 1: p50 peer 8.00 ms / floor 2.00 ms = 4.00× (target ≤ 1.5×)",
    ]);
    expect(renderSvg(results)).toContain("peer 100.0 req/s");
    expect(ratio(1, 0)).toBeNull();
  });

  it("leaves the peer's columns out when there is no peer", () => {
    const { peer: _peer, order: _order, ...alone } = round;
    const markdown = renderMarkdown({ ...results, rounds: [alone], floor: undefined });
    expect(markdown).not.toContain("peer");
    expect(markdown).not.toContain("floor");
  });

  it("parses --no-peer and --participants, and gives other data sizes a directory and port of their own", () => {
    expect(parseCli([], {})).toMatchObject({ peer: true, participants: 20000 });
    expect(parseCli(["--no-peer", "--participants", "1000000"], {})).toMatchObject({ peer: false, participants: 1_000_000 });
    expect(() => parseCli(["--participants", "1.5"], {})).toThrow(/whole number/);
    expect(() => parseCli(["--reuse", "http://127.0.0.1:4000/graphql", "--participants", "5"], {})).toThrow(/--reuse/);
    expect(dataSizeEnv(20000, 55555)).toEqual({});
    expect(dataSizeEnv(1_000_000, 55555)).toEqual({
      SEED_PARTICIPANTS: "1000000",
      DATA_DIR: path.join(".data", "bench-1000000"),
      PG_PORT: "55555",
    });
    expect(startupTimeoutMs(1_000_000)).toBe(53 * 60_000);
    expect(startupTimeoutMs(20000)).toBe(240_000);
  });

  it("takes the token from --token or BENCH_TOKEN, and insists on one with --reuse", async () => {
    const jwt = "eyJhbGciOiJFUzI1NiJ9.eyJyb2xlIjoiQ09VTlNFTE9SIn0.c2lnbmF0dXJl";
    const reuse = ["--reuse", "http://127.0.0.1:4000/graphql"];
    expect(parseCli([], {})).toMatchObject({ token: null });
    expect(parseCli(["--token", `Bearer ${jwt}`], { BENCH_TOKEN: "other.one.here" })).toMatchObject({ token: jwt });
    expect(parseCli(reuse, { BENCH_TOKEN: jwt })).toMatchObject({ reuse: reuse[1], token: jwt });
    expect(() => parseCli(reuse, {})).toThrow(/--reuse must be given .*--token <jwt> or BENCH_TOKEN/);
    expect(() => parseCli(["--token", '{"Authorization":"Bearer x"}'], {})).toThrow(/--token must be a JWT/);
    // with an identity provider of its own the launcher makes no keys: only that provider can issue the token
    expect(() => parseCli([], { AUTH_JWKS_FILE: "/etc/jwks.json" })).toThrow(/AUTH_JWKS_FILE set, .* --token <jwt> or BENCH_TOKEN/);
    expect(parseCli([], { AUTH_JWKS_FILE: "/etc/jwks.json", BENCH_TOKEN: jwt })).toMatchObject({ token: jwt });
    await expect(launcherCounselorToken({ AUTH_JWKS_URL: "https://idp.example/jwks.json" })).rejects.toThrow(/AUTH_JWKS_URL.*--token/);
  });
});
