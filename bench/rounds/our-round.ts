import type { LoadResult } from "../load";
import { scrapeAll, UsageTally } from "../metrics";
import type { OurTarget, RoundSpec, RunContext } from "../types";
import { loadRound, type Slice } from "./round-load";
import { LoadTally } from "./slices";

/** Our gateway's share of a round so far (or the baseline's): the load of its slices and what every service used during them. */
export class OurTally {
  readonly load = new LoadTally();
  readonly services = new UsageTally();
}

/**
 * One slice of our gateway's round (or the baseline's, which has the same `/metrics`): the load, and what every
 * service (`gateway` and each subgraph) used during it, read from their `/metrics` before and after.
 */
export async function runOurSlice(run: RunContext, round: RoundSpec, ours: OurTarget, slice: Slice, into: OurTally): Promise<LoadResult> {
  const before = await scrapeAll(ours.metricsUrls, run.log);
  const load = await loadRound(run, round, ours.url, slice, into.load);
  const after = await scrapeAll(ours.metricsUrls, run.log);
  // SQL per request over every request the system ran, including those in flight when the slice ended
  into.services.add(before, after, load.sent);
  return load;
}
