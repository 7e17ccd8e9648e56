import { SNAPSHOT, workday, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import type { WorkExperienceCompany } from "../directory/directory-types";
import type { WorkExperience } from "./participant-types";
import type { Timeline } from "./timeline";

/** Of those with a plan; some have no time left before a job or the snapshot, so about 15% of all participants. */
export const WORK_EXPERIENCE_SHARE = 0.22;
/** People are sent to companies that joined recently rather than to the very first ones. */
const RECENT_COMPANIES = 150;

/** How many of `companies` (in sign-up order) signed up strictly before `day`. */
function signedUpBefore(companies: readonly WorkExperienceCompany[], day: Day): number {
  let lo = 0;
  let hi = companies.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (companies[mid].signedUpOn < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Work experience (일경험) for about 15% of participants: 4–13 weeks at a host company of their own office that
 * signed up before the start, ending before any job; still running at the snapshot means no end date yet.
 */
export function drawWorkExperience(
  rng: Random,
  t: Timeline,
  companies: readonly WorkExperienceCompany[] | undefined,
  forced = false,
): WorkExperience | null {
  if (t.planEstablishedOn === null || t.activeUntil === null || !companies) return null;
  if (!forced && !rng.chance(WORK_EXPERIENCE_SHARE)) return null;
  const startedOn = workday(t.planEstablishedOn + rng.int(14, 120));
  const latestStart = t.employedOn !== null ? t.employedOn - 8 : t.activeUntil;
  if (startedOn > latestStart) return null;
  const available = signedUpBefore(companies, startedOn);
  if (available === 0) return null;
  const company = companies[rng.int(Math.max(0, available - RECENT_COMPANIES), available - 1)];
  let endedOn: Day | null = startedOn + rng.int(28, 90);
  if (t.employedOn !== null && endedOn >= t.employedOn) endedOn = t.employedOn - 1;
  if (endedOn > SNAPSHOT) endedOn = null;
  return { companyId: company.id, startedOn, endedOn };
}
