import { invalidTransition } from "@lib/mutation/mutation-errors";
import { ParticipantStage as S } from "./participant.enums";

/**
 * The stages a case may move to from each stage (docs/domain.md#process-stages): a decision within a month of the
 * application (Act §10), counselling and the IAP (Act §12, Decree §7), job seeking (Act §15, §18), deferral up to two
 * years, employment of 30+ hours a week ending support (Act §29, Rule §20), follow-up (Rule §11), closure.
 */
export const NEXT_STAGES: Readonly<Record<S, readonly S[]>> = {
  [S.APPLIED]: [S.ELIGIBLE, S.CLOSED],
  [S.ELIGIBLE]: [S.PLANNING, S.DEFERRED, S.CLOSED],
  [S.PLANNING]: [S.JOB_SEEKING, S.DEFERRED, S.EMPLOYED, S.CLOSED],
  [S.JOB_SEEKING]: [S.DEFERRED, S.EMPLOYED, S.FOLLOW_UP, S.CLOSED],
  [S.DEFERRED]: [S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING, S.CLOSED],
  [S.EMPLOYED]: [S.FOLLOW_UP, S.CLOSED],
  [S.FOLLOW_UP]: [S.EMPLOYED, S.CLOSED],
  [S.CLOSED]: [],
};

/** Refuses a mutation unless the case is in one of the stages it may run from (INVALID_TRANSITION otherwise). */
export function requireStage(mutation: string, current: S, from: readonly S[]): void {
  if (!from.includes(current)) throw invalidTransition(mutation, current, NEXT_STAGES[current]);
}
