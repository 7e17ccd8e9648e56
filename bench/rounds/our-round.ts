import type { LoadResult } from "../load";
import { scrapeAll, usageBetween, type ServiceUsage } from "../metrics";
import type { OurTarget, RoundSpec, RunContext } from "../types";
import { loadRound } from "./round-load";

/**
 * Our gateway's round: the load, and what every service (`gateway` and each subgraph) used during it, read from
 * their `/metrics` before and after.
 */
export async function runOurRound(
  run: RunContext,
  round: RoundSpec,
  ours: OurTarget,
): Promise<{ load: LoadResult; services: Record<string, ServiceUsage> }> {
  const before = await scrapeAll(ours.metricsUrls, run.log);
  const load = await loadRound(run, round, ours.url);
  const after = await scrapeAll(ours.metricsUrls, run.log);
  // SQL per request over every request the system ran, including those in flight when the round ended
  return { load, services: usageBetween(before, after, load.sent) };
}
