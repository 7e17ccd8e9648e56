import { SNAPSHOT, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import type { ExitReason } from "./participant-types";
import { RULES, type Timeline } from "./timeline";

/**
 * How long the job that ended support lasts (the demo data's assumption; the sources give no figure): 40% of jobs
 * end within about two years, early ends the most common, so about 84% are still held 6 months on and 74% 12
 * months on. An end after the snapshot is not known yet (null).
 */
export const JOB_END = { endingShare: 0.4, minDays: 14, spreadDays: 716, earliness: 1.6 } as const;

export function drawJobEnd(rng: Random, employedOn: Day): Day | null {
  if (!rng.chance(JOB_END.endingShare)) return null;
  const endedOn = employedOn + JOB_END.minDays + Math.floor(JOB_END.spreadDays * rng.float() ** JOB_END.earliness);
  return endedOn <= SNAPSHOT ? endedOn : null;
}

/**
 * The day a closed case closed and why, as closeParticipation records it: a deferral closes when its 2 years are
 * over, a case without a job when its 3 months of follow-up are. A rejected application never opened a case
 * (its decision closes it; the seed keeps no day for it).
 */
export function caseEnd(t: Timeline): { closedOn: Day; exitReason: ExitReason } | null {
  if (t.stage !== "CLOSED" || t.decidedOn === null) return null;
  if (t.deferredOn !== null) return { closedOn: t.deferredOn + RULES.maxDeferralDays, exitReason: "DEFERRAL_EXPIRED" };
  return { closedOn: t.serviceEndsOn! + RULES.followUpDays, exitReason: "FOLLOW_UP_FINISHED" };
}
