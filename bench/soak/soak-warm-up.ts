import { scrapeAll } from "../metrics";
import type { OurTarget, RunContext } from "../types";
import type { WorkloadName } from "../workloads";
import { interleavedBodies } from "./interleave";
import type { SoakWarmUp } from "./soak-result";
import { runLongLoad } from "./soak-load";

/**
 * Seconds of the soak's own mix at its own concurrency before the measured soak. The rounds' warm-ups run one workload
 * at a time (at `--connections`, often far below 64), so without this the soak's first minute met Apollo's query plans,
 * the subgraphs' cold code and the gateway's sockets to them for the first time, all at 64 connections: on 2 cores
 * that took job-centers past the 2.5 s subgraph timeout and its breaker open for the whole first minute, and its heap
 * grew while the measured RSS curve had already started.
 */
export const SOAK_WARMUP_SEC = 60;

/** The soak's interleaved mix at `connections` for `seconds`, unmeasured, with request sequences of its own. */
export async function warmUpSoak(
  run: RunContext,
  ours: OurTarget,
  workloads: readonly WorkloadName[],
  connections: number,
  seconds: number,
): Promise<SoakWarmUp> {
  run.log(`soak: warm-up ${seconds} s of the same mix at ${connections} connections, not measured`);
  const before = await scrapeAll(ours.metricsUrls, run.log);
  const { overall } = await runLongLoad({
    url: ours.url,
    connections,
    durationSec: seconds,
    headers: run.headers,
    nextBody: interleavedBodies(run, workloads, "soak-warm-up"),
    windowSec: seconds,
  });
  if (overall.errors.total) run.log(`soak: ${overall.errors.total} errors during the warm-up (first: ${overall.errors.firstError ?? "?"})`);
  return {
    seconds,
    requests: overall.requests,
    errors: overall.errors.total,
    requestsPerSec: overall.requestsPerSec,
    p99Ms: overall.latencyMs.p99,
    ...(overall.errors.firstError ? { firstError: overall.errors.firstError } : {}),
    rssMbBefore: Object.fromEntries(Object.entries(before).map(([name, s]) => [name, s?.rssBytes != null ? s.rssBytes / 2 ** 20 : null])),
  };
}
