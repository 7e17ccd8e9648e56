import os from "node:os";
import { scrapeAll } from "../metrics";
import type { OurTarget, RunContext } from "../types";
import { WORKLOAD_NAMES } from "../workloads";
import { interleavedBodies } from "./interleave";
import { rssFlatness, type RssSample } from "./rss-curve";
import type { SoakResult } from "./soak-result";
import { runLongLoad } from "./soak-load";
import { SOAK_WARMUP_SEC, warmUpSoak } from "./soak-warm-up";

export type { SoakResult } from "./soak-result";

/** The soak's concurrency, as the operations issue asks: 64 clients for the whole run. */
export const SOAK_CONNECTIONS = 64;
/** Seconds between two RSS readings, and the width of each slice of the load. */
export const SOAK_SAMPLE_SEC = 10;
/** Minutes of soak in a full `npm run bench` (`--soak`; off with `--quick`). */
export const DEFAULT_SOAK_MINUTES = 10;

/**
 * A long run at {@link SOAK_CONNECTIONS} over the contract's read workloads, reading every service's `/metrics` (RSS)
 * at the start and every {@link SOAK_SAMPLE_SEC} s: for leaks (RSS growing) and errors that only time brings. It
 * follows {@link SOAK_WARMUP_SEC} s of the same mix at the same concurrency, unmeasured (soak-warm-up.ts): the soak
 * is about what time brings, not about a cold start, and its RSS comparison starts from warmed caches.
 */
export async function runSoak(run: RunContext, ours: OurTarget, minutes: number): Promise<SoakResult> {
  const workloads = [...WORKLOAD_NAMES];
  run.log(`soak: ${minutes} min at ${SOAK_CONNECTIONS} connections over ${workloads.join(", ")}, RSS every ${SOAK_SAMPLE_SEC} s`);
  const warmup = await warmUpSoak(run, ours, workloads, SOAK_CONNECTIONS, SOAK_WARMUP_SEC);
  const readings: Array<Promise<RssSample>> = [];
  const load = { start: os.loadavg()[0], end: 0, max: os.loadavg()[0] };
  const sample = (atSec: number) => {
    load.max = Math.max(load.max, os.loadavg()[0]);
    readings.push(
      scrapeAll(ours.metricsUrls, run.log).then((snapshots) => ({
        atSec: Math.round(atSec),
        rssMb: Object.fromEntries(Object.entries(snapshots).map(([name, s]) => [name, s?.rssBytes != null ? s.rssBytes / 2 ** 20 : null])),
      })),
    );
  };
  sample(0);
  const { overall, windows } = await runLongLoad({
    url: ours.url,
    connections: SOAK_CONNECTIONS,
    durationSec: minutes * 60,
    headers: run.headers,
    nextBody: interleavedBodies(run, workloads, "soak"),
    windowSec: SOAK_SAMPLE_SEC,
    onWindow: (atSec) => {
      sample(atSec);
      if (Math.round(atSec) % 60 === 0) run.log(`soak: ${Math.round(atSec / 60)} of ${minutes} min`);
    },
  });
  const rss = await Promise.all(readings);
  load.end = os.loadavg()[0];
  const comparedSec = Math.min(60, (minutes * 60) / 3);
  const result = {
    minutes,
    connections: SOAK_CONNECTIONS,
    workloads,
    warmup,
    load: overall,
    windows,
    rss,
    flatness: rssFlatness(rss, comparedSec),
    comparedSec,
    loadAverage: load,
  };
  run.log(
    `soak: ${overall.requestsPerSec.toFixed(1)} req/s, p50 ${overall.latencyMs.p50.toFixed(1)} ms, p99 ${overall.latencyMs.p99.toFixed(1)} ms, ` +
      `${overall.errors.total} errors; RSS drift ${Object.entries(result.flatness)
        .map(([name, f]) => `${name} ${f.driftPct.toFixed(1)}%`)
        .join(", ")}`,
  );
  return result;
}
