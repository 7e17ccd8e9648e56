import { availableParallelism } from "node:os";
import type { RequestHandler, Response } from "express";
import PQueue from "p-queue";
import type { GatewayMetrics } from "./metrics";

/**
 * Admission control: at most `maxConcurrent` requests execute at once; the others wait at the door, first come first
 * served, in a queue of at most `maxQueued`, for at most `maxWaitMs`. A request that cannot be admitted gets HTTP 503,
 * `SERVER_BUSY` and `Retry-After` at once (queue full) or when its wait is over, without having cost the subgraphs
 * anything. Why: on an overloaded machine, requests executing all at once share the CPU, each gets slower, and the
 * gateway's per-call subgraph timeout fires for requests that would all have completed one after another; waiting
 * before execution instead keeps every admitted request as fast as on a machine with spare capacity.
 */
export interface AdmissionOptions {
  /** Requests executing at once; 0 turns admission control off. */
  maxConcurrent: number;
  /** Requests waiting for a turn; one more is refused at once. */
  maxQueued: number;
  /** How long a request waits for its turn before it is refused. */
  maxWaitMs: number;
}

/**
 * 32 per CPU (64 on the 2-core CI machine): the door bounds what one gateway holds in memory and refuses a flood; the
 * subgraphs' own protection is the per-subgraph call limit (SUBGRAPH_MAX_CONCURRENT_CALLS, subgraph-fetcher.ts), a
 * bulkhead per agency. A low door would not isolate agencies: requests waiting out a frozen subgraph's timeout would
 * hold its places, and requests that never call that subgraph would queue behind them (measured: 16 places, one
 * subgraph frozen, another subgraph's requests p99 ×1.68). The queue holds 256 (a request's parsed body, at most
 * 1 MB, waits with it); 5 s is twice the subgraph timeout: longer, and a person has given up.
 */
export const DEFAULT_ADMISSION: AdmissionOptions = { maxConcurrent: availableParallelism() * 32, maxQueued: 256, maxWaitMs: 5_000 };

export const SERVER_BUSY = "SERVER_BUSY";

/** Express middleware that holds each request until it is admitted, and frees its place when its response ends. */
export function useAdmission(options: AdmissionOptions, metrics: GatewayMetrics): RequestHandler {
  const { maxConcurrent, maxQueued, maxWaitMs } = options;
  if (maxConcurrent <= 0) return (_req, _res, next) => next();
  const queue = new PQueue({ concurrency: maxConcurrent });
  // p-queue counts a task as done only after its promise has settled: read the counts when it says they changed
  const show = () => metrics.showAdmission(queue.pending, queue.size);
  for (const change of ["add", "active", "next"] as const) queue.on(change, show);
  // by then the queue has turned over at least once (no request waits longer), so a retry meets other requests
  const retryAfterSeconds = Math.max(1, Math.ceil(maxWaitMs / 1000));

  return (_req, res, next) => {
    if (queue.pending >= maxConcurrent && queue.size >= maxQueued) {
      metrics.countAdmission("refused_queue_full");
      return refuse(res, `The gateway is busy (${maxConcurrent} running, ${maxQueued} waiting).`, retryAfterSeconds);
    }
    const waited = performance.now();
    const waiting = new AbortController();
    const timer = setTimeout(() => waiting.abort(new WaitOver()), maxWaitMs);
    // a client that leaves while waiting gives its place up
    const gone = () => waiting.abort(new ClientGone());
    res.once("close", gone);
    const task = () => {
      clearTimeout(timer);
      res.off("close", gone);
      metrics.countAdmission("admitted", (performance.now() - waited) / 1000);
      const done = new Promise<void>((resolve) => res.once("close", resolve));
      next();
      return done;
    };
    queue.add(task, { signal: waiting.signal }).catch((reason: unknown) => {
      clearTimeout(timer);
      res.off("close", gone);
      if (reason instanceof ClientGone) return metrics.countAdmission("client_gone");
      metrics.countAdmission("refused_wait");
      refuse(res, `The gateway is busy: no turn came within ${maxWaitMs} ms.`, retryAfterSeconds);
    });
  };
}

class WaitOver extends Error {}
class ClientGone extends Error {}

/** The refusal, shaped as a GraphQL answer as every other gateway error is. */
function refuse(res: Response, message: string, retryAfterSeconds: number): void {
  if (res.headersSent || res.destroyed) return;
  res
    .status(503)
    .set("Retry-After", String(retryAfterSeconds))
    .json({
      errors: [{ message: `${message} Try again in ${retryAfterSeconds} s.`, extensions: { code: SERVER_BUSY, retryAfterSeconds } }],
    });
}
