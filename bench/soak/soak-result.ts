import type { LoadResult } from "../load";
import type { WorkloadName } from "../workloads";
import type { RssFlatness, RssSample } from "./rss-curve";
import type { LoadWindow } from "./soak-load";

/** What a soak measured: the load as a whole and per slice, and every service's RSS over time. */
export interface SoakResult {
  minutes: number;
  connections: number;
  workloads: WorkloadName[];
  /** The unmeasured warm-up before it (absent in results written before there was one). */
  warmup?: SoakWarmUp;
  load: LoadResult;
  windows: LoadWindow[];
  rss: RssSample[];
  /** Per service: the first window's median RSS against the last window's (see rss-curve.ts). */
  flatness: Record<string, RssFlatness>;
  /** Width of the first and last windows compared, seconds (a minute, or a third of a shorter soak). */
  comparedSec: number;
  /** The machine's 1-minute load average at the start and the end, and the highest read meanwhile (on a shared machine it explains much). */
  loadAverage: { start: number; end: number; max: number };
}

/** What the soak's warm-up saw (soak-warm-up.ts): not part of the soak's figures, reported beside them. */
export interface SoakWarmUp {
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSec: number;
  p99Ms: number;
  firstError?: string;
  /** Every service's RSS (MB) before the warm-up, to show what warming up added. */
  rssMbBefore: Record<string, number | null>;
}
