import type { LoadResult } from "../load";

/**
 * After a round, autocannon drops the requests still in flight; our gateway then cancels their subgraph calls
 * (client-gone.ts), while a peer may finish them: wait about as long as the slowest request took (0.1–5 s) so that
 * whatever work they still cause counts in this round and not in the next.
 */
export function settle(load: LoadResult): Promise<void> {
  const ms = Math.min(5000, Math.max(100, load.latencyMs.max * 1.2));
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** One round's figures for a progress line. */
export function describeLoad(load: LoadResult): string {
  return (
    `${load.requestsPerSec.toFixed(1)} req/s, p50 ${load.latencyMs.p50.toFixed(1)} ms, ` +
    `p99 ${load.latencyMs.p99.toFixed(1)} ms, ${load.errors.total} errors` +
    (load.errors.firstError ? ` (first: ${load.errors.firstError})` : "")
  );
}
