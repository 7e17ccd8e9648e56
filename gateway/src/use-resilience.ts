import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import type { GatewayMetrics } from "./metrics";
import { createSubgraphBreaker, DEFAULT_BREAKER, type BreakerOptions, type SubgraphBreaker } from "./subgraph-breaker";

const STATE_NAMES = ["closed", "half-open (one trial call)", "open (calls refused)"] as const;

/** Options of {@link useResilience}: what the gateway's options and environment say about failing subgraphs. */
export interface ResilienceOptions {
  /** Every subgraph's timeout unless it has its own. */
  timeoutMs: number;
  /** Per-subgraph timeouts (`<SUBGRAPH>_TIMEOUT_MS`). */
  timeouts?: Partial<Record<SubgraphName, number>>;
  /** The circuit breaker and retries; `false` turns both off. Default DEFAULT_BREAKER. */
  breaker?: BreakerOptions | false;
  subgraphUrls: Record<SubgraphName, string>;
  metrics: GatewayMetrics;
}

export interface Resilience {
  /** The timeout of each subgraph's URL, for the fetcher (subgraph-fetcher.ts). */
  timeoutsByUrl: Record<string, number>;
  timeoutOf(name: string): number;
  /** The breaker of subgraph `name`, created on first use; undefined when breakers are off. */
  breakerOf(name: string): SubgraphBreaker | undefined;
}

/**
 * Timeouts, circuit breakers and retries of the gateway's subgraph calls, each breaker's state published as
 * `njsp_gateway_subgraph_breaker_state{subgraph}` on /metrics (0 closed, 1 half-open, 2 open).
 */
export function useResilience(options: ResilienceOptions): Resilience {
  const timeoutOf = (name: string) => options.timeouts?.[name as SubgraphName] ?? options.timeoutMs;
  const timeoutsByUrl = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [new URL(options.subgraphUrls[name]).toString(), timeoutOf(name)]));
  const settings = options.breaker === undefined ? DEFAULT_BREAKER : options.breaker;
  const breakers = new Map<string, SubgraphBreaker>();
  // every known subgraph shows as closed from the first scrape, not only once it has failed
  for (const name of SUBGRAPH_NAMES) if (settings) options.metrics.breakerState.set({ subgraph: name }, 0);
  return {
    timeoutsByUrl,
    timeoutOf,
    breakerOf(name) {
      if (!settings) return undefined;
      let breaker = breakers.get(name);
      if (!breaker) {
        breaker = createSubgraphBreaker(settings, (state) => {
          options.metrics.breakerState.set({ subgraph: name }, state);
          // one line per change of state, not per refused call: an outage does not flood the log
          console.warn(`[gateway] circuit breaker of subgraph ${name}: ${STATE_NAMES[state]}`);
        });
        breakers.set(name, breaker);
      }
      return breaker;
    },
  };
}
