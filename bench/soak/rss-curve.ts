/** Every service's RSS over a long run, and whether it stayed flat. */

/** One reading of every service's RSS (MB), `atSec` seconds into the run. */
export interface RssSample {
  atSec: number;
  rssMb: Record<string, number | null>;
}

/** How one service's RSS moved: after warm-up (the first window) against the end (the last window). */
export interface RssFlatness {
  /** Median RSS of the first window (the warm-up), MB. */
  firstMb: number;
  /** Median RSS of the last window, MB. */
  lastMb: number;
  /** (last − first) / first, in %: what "RSS flat within 10%" is judged by. */
  driftPct: number;
  /** The largest |sample − first| / first of any later sample, in %. */
  maxDeviationPct: number;
  maxMb: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Each service's flatness over `samples` (in time order): the median of the samples in the first `windowSec` against
 * the median of those in the last `windowSec`. A service never read is left out.
 */
export function rssFlatness(samples: readonly RssSample[], windowSec: number): Record<string, RssFlatness> {
  if (samples.length === 0) return {};
  const start = samples[0].atSec;
  const end = samples[samples.length - 1].atSec;
  const services = new Set(samples.flatMap((s) => Object.keys(s.rssMb)));
  const result: Record<string, RssFlatness> = {};
  for (const service of services) {
    const series = samples.flatMap((s) => (s.rssMb[service] == null ? [] : [{ atSec: s.atSec, mb: s.rssMb[service] }]));
    const first = series.filter((s) => s.atSec <= start + windowSec).map((s) => s.mb);
    const last = series.filter((s) => s.atSec >= end - windowSec).map((s) => s.mb);
    if (first.length === 0 || last.length === 0) continue;
    const firstMb = median(first);
    const lastMb = median(last);
    const later = series.filter((s) => s.atSec > start + windowSec).map((s) => s.mb);
    result[service] = {
      firstMb,
      lastMb,
      driftPct: ((lastMb - firstMb) / firstMb) * 100,
      maxDeviationPct: Math.max(0, ...later.map((mb) => (Math.abs(mb - firstMb) / firstMb) * 100)),
      maxMb: Math.max(...series.map((s) => s.mb)),
    };
  }
  return result;
}
