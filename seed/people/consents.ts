import type { Random } from "../random/random";
import { SNAPSHOT, type Day } from "../calendar/days";
import type { AgencyKind, Consent, ParticipantRecords } from "./participant-types";

/**
 * Consents to share records between agencies (PIPA §17, §18; §23 for welfare referrals), asked for at application
 * and whenever another agency takes the person on. The demo data exercises every branch of the rules
 * (docs/domain.md#consent):
 * - general consent (most people): employment center ↔ the local and Saeil centers that serve the person, and each
 *   of those may see the employment center's case;
 * - the separate §23 consent (about half of those referred): the employment center may see welfare referral details;
 * - withdrawn consent (about one in ten of each);
 * - none at all (the rest), so the other agencies' records stay with their owner.
 * People served by all four agencies (the press-release story) consented to everything and never withdrew.
 */
export function drawConsents(rng: Random, records: Omit<ParticipantRecords, "consents">, allAgencies: boolean): Consent[] {
  const { participant } = records;
  const others: AgencyKind[] = [];
  if (records.outreach.some((o) => o.participantId === participant.id) || records.localServices.length > 0) others.push("LOCAL_JOB_CENTER");
  if (records.saeilEnrollment) others.push("SAEIL_CENTER");
  const referred = records.welfareReferrals.length > 0;
  if (others.length === 0 && !referred) return [];
  const story = allAgencies;
  const consents: Consent[] = [];
  const givenOn = participant.appliedOn;
  const add = (viewerKind: AgencyKind, recordsKind: AgencyKind, withdrawnOn: Day | null) =>
    consents.push({ viewerKind, recordsKind, givenOn, withdrawnOn });
  if (story || rng.chance(0.75)) {
    const withdrawn = !story && rng.chance(0.1) ? withdrawalDay(rng, givenOn) : null;
    for (const kind of referred ? [...others, "WELFARE_PARTNER" as const] : others) {
      if (kind !== "WELFARE_PARTNER") add("EMPLOYMENT_CENTER", kind, withdrawn);
      add(kind, "EMPLOYMENT_CENTER", withdrawn);
    }
  }
  if (referred && (story || rng.chance(0.5))) {
    add("EMPLOYMENT_CENTER", "WELFARE_PARTNER", !story && rng.chance(0.1) ? withdrawalDay(rng, givenOn) : null);
  }
  return consents;
}

function withdrawalDay(rng: Random, givenOn: Day): Day {
  return Math.min(SNAPSHOT, givenOn + rng.int(30, 300));
}
