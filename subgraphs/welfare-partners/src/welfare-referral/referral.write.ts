import type { EntityManager } from "typeorm";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import type { Viewer } from "@lib/auth/viewer";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { forbidden } from "@lib/graphql/records-guard";
import { conflict, invalidTransition } from "@lib/mutation/mutation-errors";
import { NEXT_STATUSES, ReferralStatus } from "./welfare-referral.enums";

/** The columns of a referral a write decides on, read under the row's lock. */
export interface LockedReferral {
  id: string;
  partnerId: number;
  participantId: string;
  status: ReferralStatus;
  version: number;
  referredOn: string;
  acceptedOn: string | null;
  regionCode: string;
}

const SQL = `
  SELECT r.id::text, r.partner_id AS "partnerId", r.participant_id AS "participantId", r.status, r.version,
         r.referred_on::text AS "referredOn", r.accepted_on::text AS "acceptedOn", p.region_code AS "regionCode"
  FROM welfare_referral r JOIN welfare_partner p ON p.id = r.partner_id
  WHERE r.id = $1 FOR UPDATE OF r`;

/**
 * The referral a partner's write is about, locked until the write commits: only the partner it was sent to answers
 * it (its staff, WELFARE_STAFF of that partner). Another partner's referral is "no such referral", as a read shows it.
 */
export async function lockReferral(
  tx: EntityManager,
  viewer: Viewer,
  mutation: string,
  referralId: string,
  expectedVersion: number,
): Promise<LockedReferral> {
  const partner = viewer.kind === "user" && viewer.org?.kind === "WELFARE_PARTNER" ? viewer.org.id : null;
  if (partner === null) throw forbidden(`Mutation.${mutation}`, "only the welfare partner a referral was sent to answers it");
  const id = parseIntId(referralId);
  const [row] = id === null ? [] : await tx.query<LockedReferral[]>(SQL, [id]);
  if (!row || row.partnerId !== partner) {
    throw badUserInput(`No referral with id "${referralId}" was sent to your partner.`, "referralId");
  }
  if (row.version !== expectedVersion) throw conflict("referral", expectedVersion, row.version);
  return row;
}

/** Refuses a change the referral's status does not allow (INVALID_TRANSITION, naming where it may go). */
export function requireStatus(mutation: string, current: ReferralStatus, from: readonly ReferralStatus[]): void {
  if (!from.includes(current)) {
    throw invalidTransition(mutation, current, NEXT_STATUSES[current], { record: "the referral", closed: "the referral" });
  }
}

/** Sets the referral's columns and bumps its version; the row is already locked. */
export async function updateReferral(tx: EntityManager, referral: LockedReferral, changes: Record<string, string | null>): Promise<void> {
  const columns = Object.keys(changes);
  const sets = columns.map((column, i) => `${column} = $${i + 2}`).join(", ");
  await tx.query(`UPDATE welfare_referral SET ${sets}, version = version + 1 WHERE id = $1`, [
    referral.id,
    ...columns.map((c) => changes[c]),
  ]);
}

/** Adds a write's effect to the partner's figures for the year, in the write's transaction (the region report reads them). */
export async function addToPartnerYear(
  tx: EntityManager,
  partner: { partnerId: number; regionCode: string },
  date: string,
  delta: { referred?: number; resolved?: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO partner_year_figures (partner_id, region_code, year, referred, resolved) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (partner_id, year) DO UPDATE SET referred = partner_year_figures.referred + EXCLUDED.referred,
       resolved = partner_year_figures.resolved + EXCLUDED.resolved`,
    [partner.partnerId, partner.regionCode, Number(date.slice(0, 4)), delta.referred ?? 0, delta.resolved ?? 0],
  );
  // the gateway's cached reports are keyed by this version: it moves with the figures, in the same transaction
  await tx.query(BUMP_FIGURES_VERSION);
}
