import { latencySummary } from "../load";
import type { SentWrite } from "./send-writes";
import type { LatencyMs } from "./write-types";

/** Requests, errors, latency and the first error of some sent writes. */
export interface SentSummary {
  requests: number;
  errors: number;
  latencyMs: LatencyMs;
  firstError?: string;
}

/** Summarizes sent writes: latency over every answered request (failed ones included, as the read rounds count them). */
export function summarizeSent(sent: readonly SentWrite[]): SentSummary {
  const failed = sent.filter((write) => write.error !== undefined);
  const firstError = failed[0]?.error;
  return {
    requests: sent.length,
    errors: failed.length,
    latencyMs: latencySummary(sent.map((write) => write.ms).sort((a, b) => a - b)),
    ...(firstError !== undefined ? { firstError } : {}),
  };
}

/** The summary of each mutation's requests, in the order the mutations first appear. */
export function summarizeByMutation(sent: readonly SentWrite[]): Array<SentSummary & { mutation: string }> {
  const groups = new Map<string, SentWrite[]>();
  for (const write of sent) {
    const group = groups.get(write.mutation);
    if (group) group.push(write);
    else groups.set(write.mutation, [write]);
  }
  return [...groups].map(([mutation, writes]) => ({ mutation, ...summarizeSent(writes) }));
}

/** Successful writes per second over `elapsedSec`. */
export function writesPerSec(summary: SentSummary, elapsedSec: number): number {
  return elapsedSec > 0 ? (summary.requests - summary.errors) / elapsedSec : 0;
}
