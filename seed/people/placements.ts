import { SNAPSHOT, workday, type Day } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import type { Employment, Placement, PlacementResult } from "./participant-types";
import type { Timeline } from "./timeline";
import { OCCUPATIONS, companyName } from "./vocabulary";

const REFERRAL_COUNT_WEIGHTS = cumulate([0.3, 0.3, 0.2, 0.12, 0.08]);
/** A referral younger than this at the snapshot may still be waiting for the employer's answer. */
const PENDING_DAYS = 30;

/** The job that ended support: 30+ hours a week (Act §29), most often a 40-hour week. */
function drawEmployment(rng: Random, t: Timeline, desiredOccupation: string): Employment | null {
  if (t.employedOn === null) return null;
  return {
    employedOn: t.employedOn,
    employerName: companyName(rng),
    occupation: rng.chance(0.6) ? desiredOccupation : rng.pick(OCCUPATIONS),
    weeklyHours: rng.chance(0.6) ? 40 : rng.int(30, 52),
    viaPlacement: t.viaPlacement,
    // drawn last, from its own stream (participant-generator.ts), so that every other draw stays as it was
    endedOn: null,
  };
}

function failedResult(rng: Random, t: Timeline, referredOn: Day): PlacementResult {
  if (t.stage === "JOB_SEEKING" && SNAPSHOT - referredOn < PENDING_DAYS && rng.chance(0.6)) return "PENDING";
  return rng.chance(0.7) ? "NOT_HIRED" : "WITHDRAWN";
}

/**
 * Job placement referrals (취업알선) after the plan, and the job if there is one. A job that came through a
 * placement has exactly one HIRED referral with its employer, 5–30 days before the start; other referrals failed,
 * were withdrawn, or are still pending.
 */
export function drawPlacementsAndJob(
  rng: Random,
  t: Timeline,
  desiredOccupation: string,
): { placements: Placement[]; employment: Employment | null } {
  if (t.planEstablishedOn === null) return { placements: [], employment: null };
  const employment = drawEmployment(rng, t, desiredOccupation);
  const placements: Placement[] = [];
  let others = rng.weighted(REFERRAL_COUNT_WEIGHTS);
  if (employment?.viaPlacement) {
    const lead = rng.int(5, Math.max(5, Math.min(30, employment.employedOn - t.planEstablishedOn)));
    placements.push({
      referredOn: employment.employedOn - lead,
      employerName: employment.employerName,
      occupation: employment.occupation,
      result: "HIRED",
    });
    others = Math.min(others, 3);
  }
  const first = t.planEstablishedOn + 3;
  const last = Math.min(SNAPSHOT, (t.employedOn ?? (t.activeUntil as Day) + 1) - 1);
  for (let i = 0; i < others && first <= last; i += 1) {
    const referredOn = Math.min(last, workday(rng.int(first, last)));
    const occupation = rng.chance(0.7) ? desiredOccupation : rng.pick(OCCUPATIONS);
    placements.push({ referredOn, employerName: companyName(rng), occupation, result: failedResult(rng, t, referredOn) });
  }
  placements.sort((a, b) => a.referredOn - b.referredOn);
  return { placements, employment };
}
