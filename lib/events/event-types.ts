import type { OfficeKind } from "@lib/auth/roles";

/**
 * The events the agencies tell each other (never a shared table: each keeps its own copy of what it needs). Every
 * event is about one participant, and events about one participant are handled in the order they were emitted.
 */
export type AgencyEvent =
  /** job-centers: an application was taken; every agency keeps the employment center of record and the consents. */
  | {
      type: "ParticipantApplied";
      participantId: string;
      payload: { employmentCenterId: number; consents: Array<{ viewerKind: OfficeKind; recordsKind: OfficeKind }> };
    }
  /** any agency: an office of it took the participant on (outreach linked, enrollment, referral). */
  | { type: "ParticipantLinked"; participantId: string; payload: { officeKind: OfficeKind; officeId: number } }
  /** job-centers: consent given or withdrawn (PIPA §17, §18, §23); withdrawal counts from the next request. */
  | {
      type: "ConsentChanged";
      participantId: string;
      payload: { viewerKind: OfficeKind; recordsKind: OfficeKind; givenAt: string; withdrawnAt: string | null };
    }
  /** job-centers: employed 30+ hours a week (Act §29): open referrals and enrollments are flagged. */
  | { type: "ParticipantEmployed"; participantId: string; payload: { employedOn: string } }
  /** job-centers: the case closed (exit reason of the Act). */
  | { type: "ParticipantClosed"; participantId: string; payload: { closedOn: string; reason: string } }
  /** local-job-centers: an outreach was linked to the participant once they applied; the employment center sees the source. */
  | { type: "OutreachLinked"; participantId: string; payload: { localJobCenterId: number; outreachId: string; discoveredOn: string } };

export type AgencyEventType = AgencyEvent["type"];
