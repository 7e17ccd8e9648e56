import type { Day } from "../calendar/days";

export type Gender = "FEMALE" | "MALE";

/** 지원유형: Type Ⅰ (요건심사형, 선발형) earns the job-seeking allowance; Type Ⅱ (특정계층, 청년, 중장년) does not. */
export type Track = "TYPE_I_REQUIREMENT" | "TYPE_I_SELECTION" | "TYPE_II_SPECIFIC" | "TYPE_II_YOUTH" | "TYPE_II_MIDDLE_AGED";

/** Where the participant stands on the snapshot date. */
export type Stage = "APPLIED" | "ELIGIBLE" | "PLANNING" | "JOB_SEEKING" | "DEFERRED" | "EMPLOYED" | "FOLLOW_UP" | "CLOSED";

export type SessionMode = "IN_PERSON" | "PHONE" | "VIDEO";
export type PlacementResult = "PENDING" | "HIRED" | "NOT_HIRED" | "WITHDRAWN";
export type OutreachChannel =
  "DOOR_TO_DOOR" | "COMMUNITY_CENTER" | "WELFARE_OFFICE" | "PARTNER_REFERRAL" | "ONLINE" | "JOB_FAIR" | "WALK_IN";
export type LocalService = "AI_MOCK_INTERVIEW" | "VR_MOCK_INTERVIEW" | "JOB_KIOSK" | "RESUME_CLINIC" | "JOB_FAIR";
export type EnrollmentStatus = "ENROLLED" | "COMPLETED" | "DROPPED";
export type ReferralStatus = "REFERRED" | "IN_PROGRESS" | "RESOLVED" | "DECLINED";

export function isTypeOne(track: Track): boolean {
  return track === "TYPE_I_REQUIREMENT" || track === "TYPE_I_SELECTION";
}

/** The person as the employment center registered them. */
export interface Participant {
  id: string;
  name: string;
  birthYear: number;
  gender: Gender;
  track: Track;
  stage: Stage;
  appliedOn: Day;
  eligibilityDecidedOn: Day | null;
  /** The day a case that was opened closed, and why (null while open, and for a rejected application). */
  closedOn: Day | null;
  exitReason: ExitReason | null;
  regionCode: string;
  employmentCenterId: number;
  counselorId: number;
}

export interface CounselingSession {
  heldOn: Day;
  mode: SessionMode;
  topic: string;
}
export interface AllowancePayment {
  month: string;
  amountWon: number;
  paidOn: Day;
}
export interface Placement {
  referredOn: Day;
  employerName: string;
  occupation: string;
  result: PlacementResult;
}
export interface WorkExperience {
  companyId: number;
  startedOn: Day;
  endedOn: Day | null;
}
/** Why a case closed, as job-centers' ExitReason names it (the seed closes cases for these two). */
export type ExitReason = "DEFERRAL_EXPIRED" | "FOLLOW_UP_FINISHED";

export interface Employment {
  employedOn: Day;
  /** The last day of the job, when it ended by the snapshot; null while held. */
  endedOn: Day | null;
  employerName: string;
  occupation: string;
  weeklyHours: number;
  viaPlacement: boolean;
}
export interface ActionPlan {
  establishedOn: Day;
  desiredOccupation: string;
}

/** An outreach (발굴) record of a local job center; `participantId` is null while the person is not linked. */
export interface Outreach {
  localJobCenterId: number;
  participantId: string | null;
  discoveredOn: Day;
  channel: OutreachChannel;
  linkedOn: Day | null;
}
export interface LocalServiceUse {
  localJobCenterId: number;
  service: LocalService;
  usedOn: Day;
}
export interface SaeilEnrollment {
  courseId: number;
  status: EnrollmentStatus;
  enrolledOn: Day;
  completedOn: Day | null;
}
export interface WelfareReferral {
  partnerId: number;
  status: ReferralStatus;
  referredOn: Day;
  resolvedOn: Day | null;
}

/** The four kinds of agency, as consents and relationships name them. */
export type AgencyKind = "EMPLOYMENT_CENTER" | "LOCAL_JOB_CENTER" | "SAEIL_CENTER" | "WELFARE_PARTNER";

/** The person's consent that `viewerKind` staff may see `recordsKind` records about them. */
export interface Consent {
  viewerKind: AgencyKind;
  recordsKind: AgencyKind;
  givenOn: Day;
  withdrawnOn: Day | null;
}

/** Everything the four agencies hold about one participant (plus outreach of people who never applied). */
export interface ParticipantRecords {
  participant: Participant;
  actionPlan: ActionPlan | null;
  sessions: CounselingSession[];
  payments: AllowancePayment[];
  placements: Placement[];
  workExperience: WorkExperience | null;
  employment: Employment | null;
  outreach: Outreach[];
  localServices: LocalServiceUse[];
  saeilEnrollment: SaeilEnrollment | null;
  welfareReferrals: WelfareReferral[];
  consents: Consent[];
}
