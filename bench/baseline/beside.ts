import type { Fixtures } from "../fixtures";
import { authorizationHeaders } from "../gateway-client";
import type { BaselineAbout, BaselineTarget, BenchOptions } from "../types";
import { fixturesWithBaseline } from "./fixtures";

/**
 * What `runBench` needs to run the baseline beside ours: both sides' fixtures for the token's center, the baseline
 * as a round target, and what to record about it.
 */
export async function baselineBeside(
  baseline: NonNullable<BenchOptions["baseline"]>,
  fixtures: Fixtures,
  ours: { url: string; token: string },
  log: (line: string) => void,
): Promise<{ ours: Fixtures; target: BaselineTarget; about: BaselineAbout & { url: string } }> {
  // the baseline ignores the token; it is sent all the same, so that both sides get the same bytes
  const headers = authorizationHeaders(ours.token);
  const sides = await fixturesWithBaseline(fixtures, ours.token, { url: baseline.url, headers }, { url: ours.url, headers });
  log(
    `baseline fixtures: employment center ${sides.center} (the token's) on both sides, ${sides.ours.participantIds.length} ` +
      `participants each, Caseload over its ${sides.ours.counselorIds?.length ?? 0} counsellors (the baseline's read from its graph, ` +
      `${sides.baseline.participantCount} participants in all)`,
  );
  return {
    ours: sides.ours,
    target: { url: baseline.url, metricsUrls: baseline.metricsUrls, fixtures: sides.baseline },
    about: { ...baseline.about, url: baseline.url, center: sides.center, participants: sides.baseline.participantCount },
  };
}
