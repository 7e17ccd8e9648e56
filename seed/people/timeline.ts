import { SNAPSHOT, workday, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import type { Stage } from "./participant-types";

/** The program's clock (docs/domain.md#process-stages), in days. */
export const RULES = {
  /** Eligibility is decided within a month (+7 days) of applying. */
  decisionDays: [7, 36],
  /** The individual action plan (IAP) is set within a month of the decision. */
  planDays: [5, 29],
  /** Services last a year from the decision. */
  serviceDays: 365,
  /** Those without a job get 3 months of follow-up. */
  followUpDays: 90,
  /** Deferral (유예) lasts up to 2 years. */
  maxDeferralDays: 730,
  /** A job starts at least two weeks after the plan. */
  firstJobAfterPlanDays: 14,
  eligibleShare: 0.92,
  deferralShare: 0.05,
  /** Chosen so that about 68% of those who have exited by the snapshot have a job. */
  employmentShare: 0.64,
  viaPlacementShare: 0.3,
} as const;

/** What is fixed before the timeline is drawn: the application, and for story participants more. */
export interface TimelineDraft {
  appliedOn: Day;
  /** Story participants are eligible, get a plan, and are never deferred (their application is early enough). */
  inService: boolean;
  /** A story participant's job. */
  employment?: { employedOn: Day; viaPlacement: boolean };
  /** Whether a generic job may come through a placement (never at 인천고용센터, whose figures are exact). */
  placementJobsAllowed: boolean;
}

/** A participant's course through the program, with everything after the snapshot cut off. */
export interface Timeline {
  appliedOn: Day;
  /** The day eligibility was granted; null when pending or refused. */
  decidedOn: Day | null;
  firstCounselingOn: Day | null;
  planEstablishedOn: Day | null;
  serviceEndsOn: Day | null;
  deferredOn: Day | null;
  employedOn: Day | null;
  viaPlacement: boolean;
  /** Last day the program served the person: a job, a deferral, the end of service or the snapshot ends it. */
  activeUntil: Day | null;
  stage: Stage;
}

function drawJob(rng: Random, decidedOn: Day, planOn: Day, draft: TimelineDraft): { employedOn: Day; viaPlacement: boolean } | null {
  if (draft.employment) return draft.employment;
  if (!rng.chance(RULES.employmentShare)) return null;
  const earliest = planOn + RULES.firstJobAfterPlanDays;
  const latest = decidedOn + RULES.serviceDays;
  // most jobs come in the first months of service
  const employedOn = Math.min(latest, workday(earliest + Math.floor((latest - earliest) * rng.float() ** 1.5)));
  return { employedOn, viaPlacement: draft.placementJobsAllowed && rng.chance(RULES.viaPlacementShare) };
}

/** Draws the participant's course from application to the snapshot (2023-12-31) and the stage it leaves them in. */
export function buildTimeline(rng: Random, draft: TimelineDraft): Timeline {
  const none: Timeline = {
    appliedOn: draft.appliedOn,
    decidedOn: null,
    firstCounselingOn: null,
    planEstablishedOn: null,
    serviceEndsOn: null,
    deferredOn: null,
    employedOn: null,
    viaPlacement: false,
    activeUntil: null,
    stage: "APPLIED",
  };
  const decidedOn = workday(draft.appliedOn + rng.int(RULES.decisionDays[0], RULES.decisionDays[1]));
  const eligible = draft.inService || rng.chance(RULES.eligibleShare);
  if (decidedOn > SNAPSHOT) return none;
  if (!eligible) return { ...none, stage: "CLOSED" };

  const planLag = rng.int(RULES.planDays[0], RULES.planDays[1]);
  const firstCounselingOn = workday(decidedOn + rng.int(1, Math.min(7, planLag - 2)));
  const planOn = Math.max(firstCounselingOn, workday(decidedOn + planLag));
  const served = { ...none, decidedOn, serviceEndsOn: decidedOn + RULES.serviceDays };

  const deferral = !draft.inService && rng.chance(RULES.deferralShare) ? workday(decidedOn + rng.int(10, 200)) : null;
  if (deferral !== null && deferral <= SNAPSHOT) {
    return {
      ...served,
      firstCounselingOn: firstCounselingOn < deferral ? firstCounselingOn : null,
      planEstablishedOn: planOn < deferral ? planOn : null,
      deferredOn: deferral,
      activeUntil: deferral,
      stage: SNAPSHOT - deferral <= RULES.maxDeferralDays ? "DEFERRED" : "CLOSED",
    };
  }
  if (firstCounselingOn > SNAPSHOT) return { ...served, activeUntil: SNAPSHOT, stage: "ELIGIBLE" };
  if (planOn > SNAPSHOT) return { ...served, firstCounselingOn, activeUntil: SNAPSHOT, stage: "PLANNING" };

  const job = drawJob(rng, decidedOn, planOn, draft);
  const employedOn = job !== null && job.employedOn <= SNAPSHOT ? job.employedOn : null;
  const serviceEndsOn = served.serviceEndsOn;
  const stage: Stage =
    employedOn !== null
      ? "EMPLOYED"
      : SNAPSHOT <= serviceEndsOn
        ? "JOB_SEEKING"
        : SNAPSHOT <= serviceEndsOn + RULES.followUpDays
          ? "FOLLOW_UP"
          : "CLOSED";
  return {
    ...served,
    firstCounselingOn,
    planEstablishedOn: planOn,
    employedOn,
    viaPlacement: employedOn !== null && job !== null && job.viaPlacement,
    activeUntil: Math.min(employedOn ?? serviceEndsOn, SNAPSHOT),
    stage,
  };
}
