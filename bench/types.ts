import type { Fixtures } from "./fixtures";
import type { FloorResult } from "./floor/run-floor";
import type { FrozenOptions, FrozenResult } from "./frozen/frozen-result";
import type { SoakResult } from "./soak/soak-result";
import type { LoadResult } from "./load";
import type { MachineInfo } from "./machine";
import type { ServiceUsage } from "./metrics";
import type { BreakdownLatency, ReportLatency } from "./report-latency";
import type { Workload, WorkloadName } from "./workloads";
import type { WriteResults } from "./writes/write-types";

/** What `runBench` measures and against which system. */
export interface BenchOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  gatewayUrl: string;
  /** Each subgraph's `/metrics`, keyed by subgraph name; without it only the gateway's usage is reported. */
  subgraphMetricsUrls?: Record<string, string>;
  /** The gateway's `/metrics`; default: `gatewayUrl` with `/graphql` replaced by `/metrics`. */
  gatewayMetricsUrl?: string;
  /**
   * The bearer token every request carries (set-up, warm-up, rounds, the peer's, the floor's): a counsellor's, whose
   * role has the scopes the workloads' personal fields require. `npm run bench` signs one or takes `--token`.
   */
  token: string;
  /** Seconds of each measured round. */
  durationSec: number;
  /** Concurrent connections of the measured rounds, one round each. */
  connections: number[];
  /** Workload names (default: all). */
  workloads?: string[];
  /**
   * Seconds of unmeasured warm-up before each workload's rounds, against our gateway and then the peer, at the
   * rounds' highest concurrency (at most 64) (default 5; 0 skips it).
   */
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
  /**
   * The version before access control (`--baseline <ref>`), running beside ours on its own data: every round is run
   * against it too, in rotation with ours and the peer, with alike requests from its own fixtures.
   */
  baseline?: { url: string; metricsUrls: Record<string, string>; about: BaselineAbout };
  /** The data size the system was seeded with, when the harness asked for one (`--participants`); recorded only. */
  seededParticipants?: number | null;
  /** Whether the started system's gateway caches report answers (`--report-cache`); absent: not known (`--reuse`). */
  reportCache?: boolean;
  /** Minutes of soak after the rounds (bench/soak/soak.ts); 0 or absent: none. */
  soakMinutes?: number;
  /** Freeze one subgraph after the rounds and the soak (bench/frozen/frozen.ts); absent: not. */
  frozen?: FrozenOptions;
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
  /** Which of the two ran first in the first slice (alternating from round to round and slice to slice). */
  order?: "ours-first" | "peer-first";
  /** How many slices the round's time was cut into, the gateways taking turns (bench/rounds/slices.ts). */
  slices?: number;
  /** Ours/peer requests per second in each slice: how far the ratio strayed within the round. */
  peerSliceRatios?: number[];
  /** The baseline's round (`--baseline`), with alike requests, in rotation with ours and the peer's. */
  baseline?: LoadResult & { services: Record<string, ServiceUsage> };
  /** With a baseline: the order the round's gateways ran in its first slice (rotating by round and by slice). */
  sequence?: Contender[];
}

/** The gateways a round can measure. */
export type Contender = "ours" | "peer" | "baseline";

/** Which version the baseline is and how it was installed and given fixtures. */
export interface BaselineAbout {
  ref: string;
  sha: string;
  /** `linked`: this checkout's node_modules; `npm ci`: its own (`reason` says why). */
  install: "linked" | "npm ci";
  reason: string;
  /** The counsellor's employment center both sides' fixtures were taken from. */
  center?: string;
  /** Participants in the baseline's data set. */
  participants?: number;
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
  /** programBreakdown's first request, breakdowns not asked before, and one asked again (with its workload only). */
  breakdownLatency?: BreakdownLatency;
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
  /** The long run at 64 connections: errors, latency and every service's RSS over time. */
  soak?: SoakResult;
  /** One subgraph frozen: the others' p99, partial answers, recovery. */
  frozen?: FrozenResult;
  /** The write phase (bench/writes/), on a scratch copy of the databases after the read rounds; absent with --no-writes. */
  writes?: WriteResults;
  /** The version before access control, when measured (`--baseline`), and the cost of access control per round. */
  baseline?: BaselineAbout & { url: string };
  cost?: CostRow[];
}

/** What every round of one run shares: where the requests come from, how long a round lasts, where progress goes. */
export interface RunContext {
  fixtures: Fixtures;
  /** The contract's operation text, sent with every request. */
  contract: string;
  /** Headers of every request besides its content type: the token's `authorization` (see {@link BenchOptions.token}). */
  headers: Readonly<Record<string, string>>;
  durationSec: number;
  log: (line: string) => void;
}

/** One round to run: a workload at a concurrency. */
export interface RoundSpec {
  workload: Workload;
  connections: number;
  /** Seeds the request sequence: the same label, the same requests (ours, the peer's, the floor's). */
  label: string;
}

/** Our gateway, where its GraphQL endpoint is and every service's `/metrics` (`gateway` and each subgraph). */
export interface OurTarget {
  url: string;
  metricsUrls: Record<string, string>;
}

/** The baseline (`--baseline`): our target's shape, with the fixtures its requests draw from. */
export interface BaselineTarget extends OurTarget {
  fixtures: Fixtures;
}

/** The peer gateway: its endpoint, its process (for `/proc`; null: not measured) and the subgraphs' `/metrics`. */
export interface PeerTarget {
  url: string;
  pid: number | null;
  subgraphMetricsUrls: Record<string, string>;
}

/** One workload × concurrency of the cost of access control (`--baseline`, bench/baseline/cost.ts). */
export interface CostRow {
  workload: string;
  connections: number;
  oursRps: number;
  baselineRps: number;
  /** 100 × (1 − ours/baseline); null when the baseline served nothing. */
  costPct: number | null;
  oursP99Ms: number;
  baselineP99Ms: number;
  /** Errors of each side (a cost measured on failing rounds means little). */
  oursErrors: number;
  baselineErrors: number;
  /** The target where it applies (null elsewhere): met when the cost is known, at most `maxCostPct`, with no errors. */
  target: { maxCostPct: number; met: boolean } | null;
}
