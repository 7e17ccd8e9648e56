import { loadFixtures } from "./fixtures";
import { runLoad, type LoadResult } from "./load";
import { machineInfo, type MachineInfo } from "./machine";
import { scrapeAll, usageBetween, type ServiceUsage } from "./metrics";
import { parseWorkloadNames, readContract, requestBodies, WORKLOAD_NAMES, WORKLOADS, type WorkloadName } from "./workloads";

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
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** One workload at one concurrency. */
export interface RoundResult extends LoadResult {
  workload: WorkloadName;
  connections: number;
  /** Per service (`gateway`, then each subgraph): RSS after the round, CPU during it, SQL per request. */
  services: Record<string, ServiceUsage>;
}

/** Everything one benchmark run measured; written as JSON and rendered as Markdown and SVG. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  gatewayUrl: string;
  machine: MachineInfo;
  data: { participants: number; participantIdsUsed: number; employmentCenters: number; regions: number };
  settings: { durationSec: number; warmupSec: number; warmupConnections: number; connections: number[]; workloads: WorkloadName[] };
  rounds: RoundResult[];
}

export const WARMUP_CONNECTIONS = 4;

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
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench] ${line}\n`));
  const workloads = parseWorkloadNames(options.workloads ?? [...WORKLOAD_NAMES]);
  const warmupSec = options.warmupSec ?? 3;
  if (options.connections.length === 0 || options.connections.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new Error(`connections must be positive integers, got ${options.connections.join(",")}`);
  }
  const startedAt = new Date().toISOString();
  const metricsUrls = { gateway: options.gatewayMetricsUrl ?? metricsUrlOf(options.gatewayUrl), ...options.subgraphMetricsUrls };
  const contract = readContract();
  log(`reading fixtures through ${options.gatewayUrl}`);
  const fixtures = await loadFixtures(options.gatewayUrl, options.maxParticipantIds ?? 2000);
  log(`${fixtures.participantCount} participants (${fixtures.participantIds.length} ids sampled)`);

  const rounds: RoundResult[] = [];
  for (const name of workloads) {
    const workload = WORKLOADS[name];
    if (warmupSec > 0) {
      log(`${name}: warm-up ${warmupSec} s at ${WARMUP_CONNECTIONS} connections`);
      const nextBody = requestBodies(workload, fixtures, contract, "warm-up");
      const warmup = await runLoad({ url: options.gatewayUrl, connections: WARMUP_CONNECTIONS, durationSec: warmupSec, nextBody });
      if (warmup.errors.total) log(`${name}: ${warmup.errors.total} errors during warm-up (first: ${warmup.errors.firstError ?? "?"})`);
      await settle(warmup);
    }
    for (const connections of options.connections) {
      const nextBody = requestBodies(workload, fixtures, contract, `c${connections}`);
      const before = await scrapeAll(metricsUrls, log);
      const load = await runLoad({ url: options.gatewayUrl, connections, durationSec: options.durationSec, nextBody });
      await settle(load);
      const after = await scrapeAll(metricsUrls, log);
      // SQL per request over every request the system ran, including those in flight when the round ended
      const services = usageBetween(before, after, load.sent);
      rounds.push({ workload: name, connections, ...load, services });
      log(
        `${name} ×${connections}: ${load.requestsPerSec.toFixed(1)} req/s, p50 ${load.latencyMs.p50.toFixed(1)} ms, ` +
          `p99 ${load.latencyMs.p99.toFixed(1)} ms, ${load.errors.total} errors` +
          (load.errors.firstError ? ` (first: ${load.errors.firstError})` : ""),
      );
    }
  }
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    gatewayUrl: options.gatewayUrl,
    machine: machineInfo(),
    data: {
      participants: fixtures.participantCount,
      participantIdsUsed: fixtures.participantIds.length,
      employmentCenters: fixtures.employmentCenterIds.length,
      regions: fixtures.regionCodes.length,
    },
    settings: { durationSec: options.durationSec, warmupSec, warmupConnections: WARMUP_CONNECTIONS, connections: [...options.connections], workloads },
    rounds,
  };
}
