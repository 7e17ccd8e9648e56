import {
  BrokenCircuitError,
  circuitBreaker,
  CircuitState,
  ConsecutiveBreaker,
  ExponentialBackoff,
  handleWhen,
  IsolatedCircuitError,
  retry,
} from "cockatiel";
import { SUBGRAPH_UNAVAILABLE } from "@lib/graphql/error-codes";
import { isAbandonedCallError } from "./client-gone";

/**
 * Circuit breaker and retries around one subgraph's calls, on cockatiel (typed, no dependencies, and retry with
 * jittered backoff and the breaker in one library; opossum 10 needs Node 22 and has no retry). A subgraph that keeps
 * failing is not called for a while, so requests that need it answer at once instead of each waiting out the timeout,
 * and requests that do not need it keep their sockets and event loop.
 */
export interface BreakerOptions {
  /** Consecutive failed calls (unavailable, HTTP 5xx, timeout) that open the breaker. */
  failures: number;
  /** How long it stays open before one trial call is let through (half-open). */
  halfOpenAfterMs: number;
  /** Extra attempts of a failed query call (never a mutation), after a jittered delay; 0 = none. */
  retries: number;
}

/** Defaults: five timeouts in a row are ~12 s of a frozen subgraph; 5 s open keeps probing it often enough. */
export const DEFAULT_BREAKER: BreakerOptions = { failures: 5, halfOpenAfterMs: 5_000, retries: 1 };

/** Breaker state as exported to Prometheus: 0 closed, 1 half-open, 2 open. */
export type BreakerGaugeValue = 0 | 1 | 2;

/** `reason` of failures that mean the subgraph could not answer: these count, a client's mistake does not. */
const isOutage = (error: unknown) => (error as { extensions?: { code?: unknown } }).extensions?.code === SUBGRAPH_UNAVAILABLE;
/** A timed-out call already took the whole timeout: retrying it would double the wait, so only quick failures are retried. */
const isQuickOutage = (error: unknown) =>
  isOutage(error) && (error as { extensions?: { reason?: unknown } }).extensions?.reason !== "TIMEOUT";

export interface SubgraphBreaker {
  /** Runs one call: refused at once while open; a query's quick failures retried with jitter. */
  execute<T>(call: () => Promise<T>, options: { query: boolean }): Promise<T>;
  state(): BreakerGaugeValue;
}

export function isBreakerOpenError(error: unknown): boolean {
  return error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError;
}

export function createSubgraphBreaker(options: BreakerOptions, onState?: (state: BreakerGaugeValue) => void): SubgraphBreaker {
  // A call its client abandoned says nothing about the subgraph: while closed it counts neither way (cockatiel passes
  // an unhandled error through). The half-open trial is the exception: cockatiel would take any unhandled error as
  // the trial's success and close the breaker, so an abandoned trial counts as failed and the breaker stays open.
  const counts = (error: unknown) => isOutage(error) || (isAbandonedCallError(error) && breaker.state === CircuitState.HalfOpen);
  const breaker = circuitBreaker(handleWhen(counts), {
    breaker: new ConsecutiveBreaker(options.failures),
    halfOpenAfter: options.halfOpenAfterMs,
  });
  const gaugeOf = (state: CircuitState): BreakerGaugeValue => (state === CircuitState.Closed ? 0 : state === CircuitState.HalfOpen ? 1 : 2);
  breaker.onStateChange((state) => onState?.(gaugeOf(state)));
  // decorrelated jitter (cockatiel's default generator): retries of many requests do not land on the subgraph at once
  const retrying = retry(handleWhen(isQuickOutage), {
    maxAttempts: options.retries,
    backoff: new ExponentialBackoff({ initialDelay: 25, maxDelay: 250 }),
  });
  return {
    execute(call, { query }) {
      if (!query || options.retries === 0) return breaker.execute(call);
      return retrying.execute(() => breaker.execute(call));
    },
    state: () => gaugeOf(breaker.state),
  };
}
