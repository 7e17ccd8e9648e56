import { dateText, type Day } from "../calendar/days";
import type { ParticipantRecords } from "../people/participant-types";
import { NULL, bool, text } from "./copy-text";
import type { RowBatch } from "./row-batch";

function date(d: Day | null): string {
  return d === null ? NULL : dateText(d);
}

/**
 * Turns participants' records into COPY rows, numbering child rows from 1 per table in the order participants are
 * written — which is index order, so ids are as deterministic as the data.
 */
export class ParticipantRows {
  private readonly next = {
    session: 1,
    payment: 1,
    placement: 1,
    workExperience: 1,
    outreach: 1,
    serviceUse: 1,
    enrollment: 1,
    referral: 1,
    consent: 1,
  };

  /** @param courseCenter the Saeil center of each course, for the participant's link to the center they enrolled at */
  constructor(private readonly courseCenter: ReadonlyMap<number, number>) {}

  write(r: ParticipantRecords, out: RowBatch): void {
    const p = r.participant;
    const id = p.id;
    out.add(
      "participant",
      `${id}\t${text(p.name)}\t${p.birthYear}\t${p.gender}\t${p.track}\t${p.stage}\t${dateText(p.appliedOn)}\t${date(p.eligibilityDecidedOn)}\t${p.regionCode}\t${p.employmentCenterId}\t${p.counselorId}\t${date(p.closedOn)}\t${p.exitReason ?? NULL}`,
    );
    if (r.actionPlan) out.add("action_plan", `${id}\t${dateText(r.actionPlan.establishedOn)}\t${text(r.actionPlan.desiredOccupation)}`);
    for (const s of r.sessions) {
      out.add("counseling_session", `${this.next.session++}\t${id}\t${p.counselorId}\t${dateText(s.heldOn)}\t${s.mode}\t${text(s.topic)}`);
    }
    for (const a of r.payments)
      out.add("allowance_payment", `${this.next.payment++}\t${id}\t${a.month}\t${a.amountWon}\t${dateText(a.paidOn)}`);
    for (const pl of r.placements) {
      out.add(
        "placement",
        `${this.next.placement++}\t${id}\t${dateText(pl.referredOn)}\t${text(pl.employerName)}\t${text(pl.occupation)}\t${pl.result}`,
      );
    }
    const w = r.workExperience;
    if (w) out.add("work_experience", `${this.next.workExperience++}\t${id}\t${w.companyId}\t${dateText(w.startedOn)}\t${date(w.endedOn)}`);
    const e = r.employment;
    if (e)
      out.add(
        "employment",
        `${id}\t${dateText(e.employedOn)}\t${text(e.employerName)}\t${text(e.occupation)}\t${e.weeklyHours}\t${bool(e.viaPlacement)}\t${date(e.endedOn)}`,
      );
    for (const o of r.outreach) {
      out.add(
        "outreach",
        `${this.next.outreach++}\t${o.localJobCenterId}\t${o.participantId ?? NULL}\t${dateText(o.discoveredOn)}\t${o.channel}\t${date(o.linkedOn)}`,
      );
    }
    for (const u of r.localServices)
      out.add("local_service_use", `${this.next.serviceUse++}\t${u.localJobCenterId}\t${id}\t${u.service}\t${dateText(u.usedOn)}`);
    const s = r.saeilEnrollment;
    if (s)
      out.add(
        "saeil_enrollment",
        `${this.next.enrollment++}\t${s.courseId}\t${id}\t${s.status}\t${dateText(s.enrolledOn)}\t${date(s.completedOn)}`,
      );
    this.writeAccess(r, out);
    for (const f of r.welfareReferrals) {
      out.add(
        "welfare_referral",
        `${this.next.referral++}\t${f.partnerId}\t${id}\t${f.status}\t${dateText(f.referredOn)}\t${date(f.resolvedOn)}`,
      );
    }
  }

  /** The offices related to the participant (each once) and their consents, for every agency's copy. */
  private writeAccess(r: ParticipantRecords, out: RowBatch): void {
    const id = r.participant.id;
    const links = new Set([`EMPLOYMENT_CENTER\t${r.participant.employmentCenterId}`]);
    for (const o of r.outreach) if (o.participantId === id) links.add(`LOCAL_JOB_CENTER\t${o.localJobCenterId}`);
    for (const u of r.localServices) links.add(`LOCAL_JOB_CENTER\t${u.localJobCenterId}`);
    const saeilCenter = r.saeilEnrollment ? this.courseCenter.get(r.saeilEnrollment.courseId) : undefined;
    if (saeilCenter !== undefined) links.add(`SAEIL_CENTER\t${saeilCenter}`);
    for (const f of r.welfareReferrals) links.add(`WELFARE_PARTNER\t${f.partnerId}`);
    for (const link of links) out.add("participant_link", `${id}\t${link}`);
    for (const c of r.consents) {
      const withdrawn = c.withdrawnOn === null ? NULL : `${dateText(c.withdrawnOn)} 18:00:00+09`;
      out.add(
        "participant_consent",
        `${this.next.consent++}\t${id}\t${c.viewerKind}\t${c.recordsKind}\t${dateText(c.givenOn)} 09:00:00+09\t${withdrawn}`,
      );
    }
  }
}
