import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { loadFixtures, type Fixtures } from "./fixtures";
import { measureReportLatency, type ReportLatency } from "./report-latency";
import { buildOperationPlan, runFloor, type FloorResult } from "./floor";
import { runLoad, type LoadResult } from "./load";
import { machineInfo, type MachineInfo } from "./machine";
import { scrapeAll, usageBetween, type ServiceUsage } from "./metrics";
import { readProcessSnapshot } from "./peer";
import {
  parseWorkloadNames,
  readContract,
  requestBodies,
  requestVariables,
  WORKLOAD_NAMES,
  WORKLOADS,
  type WorkloadName,
} from "./workloads";

/** What `runBench` measures and against which system. */
export interface BenchOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  gatewayUrl: string;
  /** Each subgraph's `/metrics`, keyed by subgraph name; without it only the gateway's usage is reported. */
  subgraphMetricsUrls?: Record<string, string>;
  /** The gateway's `/metrics`; default: `gatewayUrl` with `/graphql` replaced by `/metrics`. */
  gatewayMetricsUrl?: string;
  /** Seconds of each measured round. */
  durationSec: number;
  /** Concurrent connections of the measured rounds, one round each. */
  connections: number[];
  /** Workload names (default: all). */
  workloads?: string[];
  /** Seconds of warm-up at concurrency 4 before each workload's rounds (default 3; 0 skips it). */
  warmupSec?: number;
  /** How many participant ids Participant360 draws from (default 2,000, read in pages of 100). */
  maxParticipantIds?: number;
  /**
   * A peer gateway serving the same supergraph over the same subgraphs: each round is run against it too, right
   * before or after ours (alternating), with the same requests. `pid` is the process whose RSS and CPU are read from
   * `/proc` (null: not measured).
   */
  peer?: { url: string; pid: number | null };
  /**
   * Each subgraph's GraphQL endpoint, keyed by subgraph name: with them (and Participant360 among the workloads) the
   * floor is measured, Participant360's query plan executed directly against the subgraphs at concurrency 1.
   */
  subgraphUrls?: Record<string, string>;
  /** The supergraph SDL the floor plans over (default: the committed `schema/supergraph.graphql`). */
  supergraphSdl?: string;
  /** The data size the system was seeded with, when the harness asked for one (`--participants`); recorded only. */
  seededParticipants?: number | null;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** The peer gateway's result of one round: the same load figures, and its process's RSS and CPU. */
export interface PeerRoundResult extends LoadResult {
  /** RSS after the round, MB (`VmRSS` of `/proc/<pid>/status`); null when not measured. */
  rssMb: number | null;
  /** CPU seconds during the round (utime + stime of `/proc/<pid>/stat`); null when not measured. */
  cpuSec: number | null;
  /** The subgraphs' usage during the peer's round (SQL per request should match ours: same plan). */
  subgraphs: Record<string, ServiceUsage>;
}

/** One workload at one concurrency. */
export interface RoundResult extends LoadResult {
  workload: WorkloadName;
  connections: number;
  /** Per service (`gateway`, then each subgraph): RSS after the round, CPU during it, SQL per request. */
  services: Record<string, ServiceUsage>;
  /** The peer gateway's round, with the same requests, run right before or after ours. */
  peer?: PeerRoundResult;
  /** Which of the two ran first (alternating from round to round, so that machine drift hits both). */
  order?: "ours-first" | "peer-first";
}

/** Everything one benchmark run measured; written as JSON and rendered as Markdown and SVG. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  gatewayUrl: string;
  /** The peer gateway's endpoint, when one was measured. */
  peerUrl?: string;
  /** What the peer is. */
  peerName?: string;
  machine: MachineInfo;
  /** The national ProgramReport: first request (cold) and steady state (warm). */
  reportLatency: ReportLatency;
  data: {
    participants: number;
    /** `--participants N` when the harness started the system with that data size; null otherwise. */
    seededParticipants: number | null;
    participantIdsUsed: number;
    employmentCenters: number;
    regions: number;
  };
  settings: { durationSec: number; warmupSec: number; warmupConnections: number; connections: number[]; workloads: WorkloadName[] };
  rounds: RoundResult[];
  /** Participant360's query plan executed directly against the subgraphs at concurrency 1 (no gateway). */
  floor?: FloorResult;
}

export const PEER_NAME = "Hive Gateway (@graphql-hive/gateway)";
export const FLOOR_WORKLOAD: WorkloadName = "Participant360";

/** Warm-up runs at the round's highest concurrency (at most this), so every pool and code path is warm before it. */
export const MAX_WARMUP_CONNECTIONS = 64;

/**
 * After a round, autocannon drops the requests still in flight but the system finishes them: wait about as long as
 * the slowest request took (0.1–5 s) so that their work counts in this round and not in the next.
 */
function settle(load: LoadResult): Promise<void> {
  const ms = Math.min(5000, Math.max(100, load.latencyMs.max * 1.2));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The gateway's `/metrics` next to its GraphQL endpoint. */
export function metricsUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, "") + "/metrics";
  return url.toString();
}

/**
 * Runs every workload at every concurrency against a running system and returns the results. Each workload is
 * warmed up first; each round reads the services' `/metrics` before and after, for CPU, RSS and SQL per request.
 * With a peer, every round is run against the peer too, back to back with ours and with the same requests, ours
 * first on even rounds and the peer first on odd ones. With subgraph URLs, Participant360's floor is measured right
 * after its concurrency-1 round(s).
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench] ${line}\n`));
  const workloads = parseWorkloadNames(options.workloads ?? [...WORKLOAD_NAMES]);
  const warmupSec = options.warmupSec ?? 5;
  if (options.connections.length === 0 || options.connections.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new Error(`connections must be positive integers, got ${options.connections.join(",")}`);
  }
  const startedAt = new Date().toISOString();
  const metricsUrls = { gateway: options.gatewayMetricsUrl ?? metricsUrlOf(options.gatewayUrl), ...options.subgraphMetricsUrls };
  const contract = readContract();
  log(`reading fixtures through ${options.gatewayUrl}`);
  // before anything else touches the report, so that the first request is a cold one
  const reportLatency = await measureReportLatency(options.gatewayUrl, contract);
  log(`ProgramReport ${reportLatency.year}: first ${reportLatency.firstMs.toFixed(1)} ms, then p50 ${reportLatency.warmP50Ms.toFixed(1)} ms`);
  const fixtures = await loadFixtures(options.gatewayUrl, options.maxParticipantIds ?? 2000);
  log(`${fixtures.participantCount} participants (${fixtures.participantIds.length} ids sampled)`);

  const rounds: RoundResult[] = [];
  let floor: FloorResult | undefined;
  const wantFloor = options.subgraphUrls !== undefined && workloads.includes(FLOOR_WORKLOAD);
  const subgraphMetricsUrls = Object.fromEntries(Object.entries(metricsUrls).filter(([name]) => name !== "gateway"));
  const peer = options.peer;
  let roundIndex = 0;
  const warmupConnections = Math.min(MAX_WARMUP_CONNECTIONS, Math.max(...options.connections));
  for (const name of workloads) {
    const workload = WORKLOADS[name];
    if (warmupSec > 0) {
      const targets = peer ? [["ours", options.gatewayUrl], ["peer", peer.url]] : [["ours", options.gatewayUrl]];
      for (const [who, url] of targets) {
        log(`${name}: warm-up ${warmupSec} s at ${warmupConnections} connections${peer ? ` (${who})` : ""}`);
        const nextBody = requestBodies(workload, fixtures, contract, "warm-up");
        const warmup = await runLoad({ url: url as string, connections: warmupConnections, durationSec: warmupSec, nextBody });
        if (warmup.errors.total) log(`${name}: ${warmup.errors.total} errors during ${who} warm-up (first: ${warmup.errors.firstError ?? "?"})`);
        await settle(warmup);
      }
    }
    for (const connections of options.connections) {
      const label = `c${connections}`;
      const runOurs = async () => {
        const nextBody = requestBodies(workload, fixtures, contract, label);
        const before = await scrapeAll(metricsUrls, log);
        const load = await runLoad({ url: options.gatewayUrl, connections, durationSec: options.durationSec, nextBody });
        await settle(load);
        const after = await scrapeAll(metricsUrls, log);
        // SQL per request over every request the system ran, including those in flight when the round ended
        return { load, services: usageBetween(before, after, load.sent) };
      };
      const runPeer = async (target: { url: string; pid: number | null }): Promise<PeerRoundResult> => {
        const nextBody = requestBodies(workload, fixtures, contract, label);
        const before = target.pid === null ? null : readProcessSnapshot(target.pid);
        const subgraphsBefore = await scrapeAll(subgraphMetricsUrls, log);
        const load = await runLoad({ url: target.url, connections, durationSec: options.durationSec, nextBody });
        await settle(load);
        const after = target.pid === null ? null : readProcessSnapshot(target.pid);
        const subgraphsAfter = await scrapeAll(subgraphMetricsUrls, log);
        return {
          ...load,
          rssMb: after ? after.rssBytes / 2 ** 20 : null,
          cpuSec: before && after ? after.cpuSeconds - before.cpuSeconds : null,
          subgraphs: usageBetween(subgraphsBefore, subgraphsAfter, load.sent),
        };
      };
      // ours first on even rounds, the peer first on odd ones
      const oursFirst = roundIndex % 2 === 0;
      let peerResult: PeerRoundResult | undefined;
      if (peer && !oursFirst) peerResult = await runPeer(peer);
      const ours = await runOurs();
      if (peer && oursFirst) peerResult = await runPeer(peer);
      roundIndex++;
      rounds.push({
        workload: name,
        connections,
        ...ours.load,
        services: ours.services,
        ...(peerResult ? { peer: peerResult, order: oursFirst ? ("ours-first" as const) : ("peer-first" as const) } : {}),
      });
      log(`${name} ×${connections}: ${describe(ours.load)}`);
      if (peerResult) log(`${name} ×${connections} peer: ${describe(peerResult)}`);
      if (wantFloor && !floor && name === FLOOR_WORKLOAD && connections === 1) floor = await measureFloor(options, fixtures, contract, log);
    }
    if (wantFloor && !floor && name === FLOOR_WORKLOAD) floor = await measureFloor(options, fixtures, contract, log);
  }
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    gatewayUrl: options.gatewayUrl,
    ...(peer ? { peerUrl: peer.url, peerName: PEER_NAME } : {}),
    machine: machineInfo(),
    reportLatency,
    data: {
      participants: fixtures.participantCount,
      seededParticipants: options.seededParticipants ?? null,
      participantIdsUsed: fixtures.participantIds.length,
      employmentCenters: fixtures.employmentCenterIds.length,
      regions: fixtures.regionCodes.length,
    },
    settings: { durationSec: options.durationSec, warmupSec, warmupConnections, connections: [...options.connections], workloads },
    rounds,
    ...(floor ? { floor } : {}),
  };
}

function describe(load: LoadResult): string {
  return (
    `${load.requestsPerSec.toFixed(1)} req/s, p50 ${load.latencyMs.p50.toFixed(1)} ms, ` +
    `p99 ${load.latencyMs.p99.toFixed(1)} ms, ${load.errors.total} errors` +
    (load.errors.firstError ? ` (first: ${load.errors.firstError})` : "")
  );
}

/** The floor of Participant360 at concurrency 1, with the variables of its concurrency-1 round. */
async function measureFloor(options: BenchOptions, fixtures: Fixtures, contract: string, log: (line: string) => void): Promise<FloorResult> {
  const supergraphSdl = options.supergraphSdl ?? readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");
  const plan = buildOperationPlan(supergraphSdl, contract, FLOOR_WORKLOAD);
  log(`${FLOOR_WORKLOAD} floor: its query plan straight to the subgraphs, ${options.durationSec} s at concurrency 1`);
  const floor = await runFloor({
    workload: FLOOR_WORKLOAD,
    plan,
    subgraphUrls: options.subgraphUrls ?? {},
    durationSec: options.durationSec,
    nextVariables: requestVariables(WORKLOADS[FLOOR_WORKLOAD], fixtures, "c1"),
    gateway: { url: options.gatewayUrl, body: (variables) => ({ query: contract, operationName: FLOOR_WORKLOAD, variables }) },
  });
  log(
    `${FLOOR_WORKLOAD} floor: ${floor.requestsPerSec.toFixed(1)} req/s, p50 ${floor.latencyMs.p50.toFixed(2)} ms, ` +
      `p99 ${floor.latencyMs.p99.toFixed(2)} ms, ${floor.subgraphCalls} subgraph calls per request, ${floor.errors} errors` +
      (floor.firstError ? ` (first: ${floor.firstError})` : ""),
  );
  return floor;
}
