import { registerEnumType } from "type-graphql";

/**
 * Why a case closed (종료), from the program's rules (docs/domain.md#process-stages, the row 종료): support ended by a
 * job of 30+ hours a week (Act §29, Rule §20), follow-up finished (Rule §11), the participant withdrew, a deferral ran
 * past its 2 years, the participant was found ineligible after all (Act §10's requirements no longer met), or another
 * reason the center records. A rejected application closes through `decideEligibility`, not here.
 */
export enum ExitReason {
  EMPLOYED_ENDED = "EMPLOYED_ENDED",
  FOLLOW_UP_FINISHED = "FOLLOW_UP_FINISHED",
  WITHDREW = "WITHDREW",
  DEFERRAL_EXPIRED = "DEFERRAL_EXPIRED",
  INELIGIBLE = "INELIGIBLE",
  OTHER = "OTHER",
}

registerEnumType(ExitReason, {
  name: "ExitReason",
  description: "Why a case closed (종료).",
  valuesConfig: {
    EMPLOYED_ENDED: { description: "Support ended by a job of 30+ hours a week (Act §29, Rule §20); from EMPLOYED." },
    FOLLOW_UP_FINISHED: { description: "Follow-up of 3 months finished (Rule §11); from FOLLOW_UP." },
    WITHDREW: { description: "The participant withdrew (포기)." },
    DEFERRAL_EXPIRED: { description: "A deferral reached its end (2 years at most) without a return; from DEFERRED." },
    INELIGIBLE: { description: "Found ineligible after the decision (requirements of Act §6–7, §10 not met)." },
    OTHER: { description: "Another reason, given in `note`." },
  },
});
