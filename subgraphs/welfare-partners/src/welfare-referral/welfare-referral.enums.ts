import { registerEnumType } from "type-graphql";

export enum ReferralStatus {
  REFERRED = "REFERRED",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  DECLINED = "DECLINED",
}
registerEnumType(ReferralStatus, { name: "ReferralStatus" });

/** Why a person was referred (PIPA §23: health and debt data): a closed list, never free text. */
export enum ReferralReasonCategory {
  MENTAL_HEALTH = "MENTAL_HEALTH",
  ADDICTION = "ADDICTION",
  DEBT = "DEBT",
  LEGAL_DISPUTE = "LEGAL_DISPUTE",
  PSYCHOLOGICAL_DISTRESS = "PSYCHOLOGICAL_DISTRESS",
  FAMILY_CRISIS = "FAMILY_CRISIS",
  OTHER = "OTHER",
}
registerEnumType(ReferralReasonCategory, {
  name: "ReferralReasonCategory",
  description: "Why a person was referred to a welfare partner: sensitive data (PIPA §23).",
});

/** Why a partner declined a referral. */
export enum ReferralDeclineReason {
  OUT_OF_SCOPE = "OUT_OF_SCOPE",
  NO_CAPACITY = "NO_CAPACITY",
  PARTICIPANT_UNREACHABLE = "PARTICIPANT_UNREACHABLE",
  PARTICIPANT_REFUSED = "PARTICIPANT_REFUSED",
}
registerEnumType(ReferralDeclineReason, { name: "ReferralDeclineReason" });

/** What came of a referral the partner took on. */
export enum ReferralOutcome {
  BARRIER_REMOVED = "BARRIER_REMOVED",
  PARTLY_REMOVED = "PARTLY_REMOVED",
  NOT_REMOVED = "NOT_REMOVED",
  PARTICIPANT_WITHDREW = "PARTICIPANT_WITHDREW",
}
registerEnumType(ReferralOutcome, { name: "ReferralOutcome" });

/** The statuses a referral may go to from each status. */
export const NEXT_STATUSES: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  [ReferralStatus.REFERRED]: [ReferralStatus.IN_PROGRESS, ReferralStatus.DECLINED],
  [ReferralStatus.IN_PROGRESS]: [ReferralStatus.RESOLVED],
  [ReferralStatus.RESOLVED]: [],
  [ReferralStatus.DECLINED]: [],
};
