import type { FloorResult } from "./floor/run-floor";
import { baselineBeside } from "./baseline/beside";
import { costRows } from "./baseline/cost";
import { loadFixtures } from "./fixtures";
import { authorizationHeaders, type GatewayEndpoint } from "./gateway-client";
import { machineInfo } from "./machine";
import { metricsUrlOf } from "./metrics";
import { measureBreakdownLatency, measureReportLatency } from "./report-latency";
import { runFrozen } from "./frozen/frozen";
import { FLOOR_WORKLOAD, measureFloor } from "./rounds/measure-floor";
import { PEER_NAME } from "./rounds/peer-round";
import { runRound } from "./rounds/round";
import { DEFAULT_WARMUP_SEC, warmUp, warmupConnectionsFor } from "./rounds/warm-up";
import { runSoak } from "./soak/soak";
import type { BenchOptions, BenchResults, OurTarget, PeerTarget, RoundResult, RunContext } from "./types";
import { BREAKDOWN_CHOICES, parseWorkloadNames, readContract, WORKLOAD_NAMES, WORKLOADS } from "./workloads";

/**
 * Runs every workload at every concurrency against a running system and returns the results. Each workload is
 * warmed up first; each round reads the services' `/metrics` before and after, for CPU, RSS and SQL per request.
 * With a peer, every round is run against the peer too with the same requests, the two taking turns in slices of
 * about 2 s (bench/rounds/slices.ts), ours first on even rounds and the peer first on odd ones. With subgraph URLs, Participant360's floor is measured right
 * after its concurrency-1 round(s).
 */
export async function runBench(options: BenchOptions): Promise<BenchResults> {
  const log = options.log ?? ((line: string) => process.stderr.write(`[bench] ${line}\n`));
  const workloads = parseWorkloadNames(options.workloads ?? [...WORKLOAD_NAMES]);
  const warmupSec = options.warmupSec ?? DEFAULT_WARMUP_SEC;
  if (options.connections.length === 0 || options.connections.some((c) => !Number.isInteger(c) || c < 1)) {
    throw new Error(`connections must be positive integers, got ${options.connections.join(",")}`);
  }
  const startedAt = new Date().toISOString();
  const metricsUrls = { gateway: options.gatewayMetricsUrl ?? metricsUrlOf(options.gatewayUrl), ...options.subgraphMetricsUrls };
  const contract = readContract();
  const headers = authorizationHeaders(options.token);
  const gateway: GatewayEndpoint = { url: options.gatewayUrl, headers };
  log(`reading fixtures through ${options.gatewayUrl}`);
  // before anything else touches the report, so that the first request is a cold one
  const reportLatency = await measureReportLatency(gateway, contract);
  log(
    `ProgramReport ${reportLatency.year}: first ${reportLatency.firstMs.toFixed(1)} ms, then p50 ${reportLatency.warmP50Ms.toFixed(1)} ms`,
  );
  // before its workload's rounds, so that its first request is a cold one
  const breakdownLatency = workloads.includes("ProgramBreakdown")
    ? {
        ...(await measureBreakdownLatency(gateway, contract, BREAKDOWN_CHOICES)),
        ...(options.reportCache !== undefined ? { reportCache: options.reportCache } : {}),
      }
    : undefined;
  if (breakdownLatency) {
    log(
      `ProgramBreakdown: first ${breakdownLatency.firstMs.toFixed(1)} ms, not asked before p50 ${breakdownLatency.uncachedP50Ms.toFixed(1)} ms ` +
        `(max ${breakdownLatency.uncachedMaxMs.toFixed(1)} ms), asked again p50 ${breakdownLatency.warmP50Ms.toFixed(1)} ms`,
    );
  }
  let fixtures = await loadFixtures(gateway, options.maxParticipantIds ?? 2000);
  log(`${fixtures.participantCount} participants (${fixtures.participantIds.length} ids sampled)`);
  const besideBaseline =
    options.baseline && (await baselineBeside(options.baseline, fixtures, { url: options.gatewayUrl, token: options.token }, log));
  if (besideBaseline) fixtures = besideBaseline.ours;

  const run: RunContext = { fixtures, contract, headers, durationSec: options.durationSec, log };
  const ours: OurTarget = { url: options.gatewayUrl, metricsUrls };
  const { gateway: _gateway, ...subgraphMetricsUrls } = metricsUrls;
  const peer: PeerTarget | undefined = options.peer && { ...options.peer, subgraphMetricsUrls };
  const baseline = besideBaseline?.target;
  const warmupTargets = [
    { who: "ours" as const, url: ours.url },
    ...(peer ? [{ who: "peer" as const, url: peer.url }] : []),
    ...(baseline ? [{ who: "baseline" as const, url: baseline.url, fixtures: baseline.fixtures }] : []),
  ];
  const warmupConnections = warmupConnectionsFor(options.connections);
  const floorSystem = options.subgraphUrls && {
    gatewayUrl: options.gatewayUrl,
    subgraphUrls: options.subgraphUrls,
    supergraphSdl: options.supergraphSdl,
  };
  const rounds: RoundResult[] = [];
  let floor: FloorResult | undefined;
  for (const name of workloads) {
    const workload = WORKLOADS[name];
    if (warmupSec > 0) await warmUp(run, workload, warmupTargets, warmupSec, warmupConnections);
    for (const connections of options.connections) {
      rounds.push(await runRound(run, { workload, connections, label: `c${connections}` }, rounds.length, ours, peer, baseline));
      if (floorSystem && !floor && name === FLOOR_WORKLOAD && connections === 1) floor = await measureFloor(run, floorSystem);
    }
    // without a concurrency-1 round, the floor follows the workload's last round
    if (floorSystem && !floor && name === FLOOR_WORKLOAD) floor = await measureFloor(run, floorSystem);
  }
  // after the rounds: the soak, then the freeze (whose breaker episode must not touch the soak's figures)
  const soak = options.soakMinutes ? await runSoak(run, ours, options.soakMinutes) : undefined;
  const frozen = options.frozen ? await runFrozen(run, ours, options.frozen) : undefined;
  return {
    startedAt,
    finishedAt: new Date().toISOString(),
    gatewayUrl: options.gatewayUrl,
    ...(peer ? { peerUrl: peer.url, peerName: PEER_NAME } : {}),
    machine: machineInfo(),
    reportLatency,
    ...(breakdownLatency ? { breakdownLatency } : {}),
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
    ...(soak ? { soak } : {}),
    ...(frozen ? { frozen } : {}),
    ...(besideBaseline ? { baseline: besideBaseline.about, cost: costRows(rounds) } : {}),
  };
}
