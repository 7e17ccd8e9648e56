import type { LoadResult } from "../load";
import type { ServiceUsage } from "../metrics";

/** Latency figures in milliseconds (the same summary the read rounds report). */
export type LatencyMs = LoadResult["latencyMs"];

/**
 * The write targets of the issue, measured in one run: a single mutation through the gateway at concurrency 1, a
 * month's allowance batch for 10,000 participants, counselling sessions at concurrency 16, and event delivery lag.
 */
export const WRITE_TARGETS = {
  mutationP50Ms: 30,
  batchParticipants: 10_000,
  batchSec: 60,
  counselingWritesPerSec: 1_000,
  eventLagP99Ms: 1_000,
} as const;

/** How much the write phase sends: `--quick` shrinks every part, `--allowance-batch` sets the batch. */
export interface WriteSizes {
  /** Measured requests of each mutation of the concurrency-1 mix (and as many again to warm up, unmeasured). */
  perMutation: number;
  /** Seconds of recordCounselingSession at `connections`. */
  counselingSec: number;
  /** Participants paid in the allowance batch. */
  allowanceBatch: number;
  /** Concurrency of the counselling round and of the batch client. */
  connections: number;
}

export const FULL_WRITE_SIZES: WriteSizes = { perMutation: 100, counselingSec: 10, allowanceBatch: 10_000, connections: 16 };
export const QUICK_WRITE_SIZES: WriteSizes = { perMutation: 8, counselingSec: 2, allowanceBatch: 300, connections: 16 };

/** One mutation's requests of the concurrency-1 mix. */
export interface MutationFigures {
  mutation: string;
  /** The role whose token the requests carried. */
  role: string;
  requests: number;
  errors: number;
  latencyMs: LatencyMs;
  firstError?: string;
}

/** Writes at a concurrency for a while (recordCounselingSession at 16), each with its own idempotency key. */
export interface RateFigures {
  mutation: string;
  connections: number;
  durationSec: number;
  requests: number;
  errors: number;
  /** Successful writes per second of the round. */
  writesPerSec: number;
  latencyMs: LatencyMs;
  /** Participants written for, and the counsellors (one token each) whose caseloads they are. */
  participants: number;
  writers: number;
  /** What each service used during the round (gateway and subgraphs). */
  services: Record<string, ServiceUsage>;
  firstError?: string;
}

/** The month's allowance batch: every request one participant, at the batch client's concurrency. */
export interface BatchFigures extends Omit<RateFigures, "durationSec"> {
  month: string;
  /** The batch's end-to-end time: first request sent to last answer. */
  totalSec: number;
  /** Participants eligible in the scratch copy as seeded; the rest of the batch was made eligible by SQL first. */
  eligibleAsSeeded: number;
  preparedBySql: number;
}

/** Event delivery lag over the events the phase's writes emitted: outbox `created_at` → consumer's `processed_at`. */
export interface EventLagFigures {
  /** `peers` (the embedded default, EVENT_PEERS) or `nats` (NATS_URL). */
  transport: "peers" | "nats";
  events: number;
  /** (event, consuming agency) pairs expected, and those not processed when the wait ended. */
  deliveries: number;
  missing: number;
  byType: Record<string, number>;
  lagMs: LatencyMs;
}

/** Everything the write phase measured, on which data. */
export interface WriteResults {
  /** Where the writes went: the scratch copy's database prefix, and the data it was copied from. */
  data: { scratchPrefix: string; copiedFrom: string; participants: number };
  sizes: WriteSizes;
  /** The machine's load average (1, 5, 15 min) as the phase began and ended: other work shares the cores. */
  loadAverage: { before: number[]; after: number[] };
  mix: { connections: 1; latencyMs: LatencyMs; requests: number; errors: number; mutations: MutationFigures[] };
  counseling: RateFigures;
  batch: BatchFigures;
  events: EventLagFigures;
}
