import type { EntityManager } from "typeorm";
import type { Viewer } from "@lib/auth/viewer";
import { emit } from "@lib/events/outbox";
import { badUserInput } from "@lib/graphql/errors";
import { invalidTransition } from "@lib/mutation/mutation-errors";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import type { GiveConsentInput } from "./consent-change.input";

const CONSENT = { record: "the consent", closed: "the consent" };
const UTC = `'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'`;

/**
 * Records the participant's decision on one consent at the employment center, which owns `participant_consent`, and
 * tells the other agencies (`ConsentChanged`), whose copies apply it to their own records. Written by the counsellor
 * in charge or the center's manager (lockParticipant), bumping the case's version. A consent is in force from the
 * moment it is given, and a withdrawn one stops counting from the next request: here at once (the rules read the
 * consents per request), at the other agencies once the event reaches them.
 * - giving (PIPA §17: provision to another agency; §18: use beyond the purpose of collection; §22: item by item;
 *   §23: the separate consent for sensitive welfare data) adds a consent in force, never a second one for the pair;
 * - withdrawing (PIPA §37: the data subject may withdraw consent at any time) ends the one in force.
 */
export async function changeConsent(tx: EntityManager, viewer: Viewer, input: GiveConsentInput, give: boolean): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  const { viewerKind, recordsKind } = input;
  if (viewerKind === recordsKind) {
    throw badUserInput("An agency always sees its own records: recordsKind must be another kind than viewerKind.", "recordsKind");
  }
  const pair = [participant.id, viewerKind, recordsKind];
  const [inForce] = await tx.query<Array<{ givenAt: string }>>(
    `SELECT to_char(given_at AT TIME ZONE 'UTC', ${UTC}) AS "givenAt" FROM participant_consent
     WHERE participant_id = $1 AND viewer_kind = $2 AND records_kind = $3 AND withdrawn_at IS NULL`,
    pair,
  );
  let change: { givenAt: string; withdrawnAt: string | null };
  if (give) {
    if (inForce) throw invalidTransition("giveConsent", "GIVEN", ["WITHDRAWN"], CONSENT);
    const [row] = await tx.query<Array<{ givenAt: string }>>(
      `INSERT INTO participant_consent (participant_id, viewer_kind, records_kind, given_at) VALUES ($1, $2, $3, now())
       RETURNING to_char(given_at AT TIME ZONE 'UTC', ${UTC}) AS "givenAt"`,
      pair,
    );
    change = { givenAt: row.givenAt, withdrawnAt: null };
  } else {
    if (!inForce) throw invalidTransition("withdrawConsent", "NOT_GIVEN", ["GIVEN"], CONSENT);
    // a SELECT around the UPDATE: TypeORM answers an UPDATE with its count, a SELECT with its rows
    const [row] = await tx.query<Array<{ withdrawnAt: string }>>(
      `WITH withdrawn AS (
         UPDATE participant_consent SET withdrawn_at = now()
         WHERE participant_id = $1 AND viewer_kind = $2 AND records_kind = $3 AND withdrawn_at IS NULL RETURNING withdrawn_at)
       SELECT to_char(withdrawn_at AT TIME ZONE 'UTC', ${UTC}) AS "withdrawnAt" FROM withdrawn`,
      pair,
    );
    change = { givenAt: inForce.givenAt, withdrawnAt: row.withdrawnAt };
  }
  await updateParticipant(tx, participant, {});
  await emit(tx, { type: "ConsentChanged", participantId: participant.id, payload: { viewerKind, recordsKind, ...change } });
  return participant.id;
}
