import type { LoadResult } from "../load";
import type { ProbeSummary } from "./probe-summary";

export interface FrozenOptions {
  seconds: number;
  subgraph: string;
  /** The frozen subgraph's GraphQL endpoint on this machine (its port finds its process). */
  subgraphUrl: string;
}

export interface FrozenResult {
  subgraph: string;
  seconds: number;
  connections: number;
  probeEveryMs: number;
  /** A workload that does not need the frozen subgraph, before and during the freeze. */
  unaffected: { workload: string; before: LoadResult; during: LoadResult; p99Ratio: number | null };
  /** A workload that needs it, sent at a steady pace before and during the freeze. */
  needing: { workload: string; before: ProbeSummary; during: ProbeSummary };
  /** After SIGCONT: time to the first whole answer, and the breaker's state then (0 closed). */
  recovery: { ms: number | null; answersUntilWhole: number; breakerState: number | null };
}
