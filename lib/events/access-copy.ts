import type { DeliveredEvent, EventEffects } from "./delivered-event";

type Of<T extends DeliveredEvent["type"]> = Extract<DeliveredEvent, { type: T }>;

/**
 * The effects every agency applies to its copy of who may see a participant (lib/db/participant-access-tables.ts):
 * the employment center of record and the consents given at application, the offices that took the person on, and
 * consents given or withdrawn later. The agency that owns a relationship writes its own row in the write itself.
 */
export const ACCESS_COPY_EFFECTS: EventEffects = {
  async ParticipantApplied(tx, event) {
    const { participantId, payload, emittedAt } = event as Of<"ParticipantApplied">;
    await tx.query(
      `INSERT INTO participant_link (participant_id, office_kind, office_id) VALUES ($1, 'EMPLOYMENT_CENTER', $2) ON CONFLICT DO NOTHING`,
      [participantId, payload.employmentCenterId],
    );
    for (const consent of payload.consents) {
      await tx.query(`INSERT INTO participant_consent (participant_id, viewer_kind, records_kind, given_at) VALUES ($1, $2, $3, $4)`, [
        participantId,
        consent.viewerKind,
        consent.recordsKind,
        emittedAt,
      ]);
    }
  },
  async ParticipantLinked(tx, event) {
    const { participantId, payload } = event as Of<"ParticipantLinked">;
    await tx.query(`INSERT INTO participant_link (participant_id, office_kind, office_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [
      participantId,
      payload.officeKind,
      payload.officeId,
    ]);
  },
  async ConsentChanged(tx, event) {
    const { participantId, payload } = event as Of<"ConsentChanged">;
    if (payload.withdrawnAt === null) {
      await tx.query(`INSERT INTO participant_consent (participant_id, viewer_kind, records_kind, given_at) VALUES ($1, $2, $3, $4)`, [
        participantId,
        payload.viewerKind,
        payload.recordsKind,
        payload.givenAt,
      ]);
    } else {
      await tx.query(
        `UPDATE participant_consent SET withdrawn_at = $4
         WHERE participant_id = $1 AND viewer_kind = $2 AND records_kind = $3 AND withdrawn_at IS NULL`,
        [participantId, payload.viewerKind, payload.recordsKind, payload.withdrawnAt],
      );
    }
  },
};

/** The effects of an agency that flags its open records when the case ends (welfare partners, Saeil centers). */
export const NOTICE_EFFECTS: EventEffects = {
  async ParticipantEmployed(tx, event) {
    const { participantId, payload } = event as Of<"ParticipantEmployed">;
    await tx.query(
      `INSERT INTO participant_notice (participant_id, employed_on) VALUES ($1, $2)
       ON CONFLICT (participant_id) DO UPDATE SET employed_on = EXCLUDED.employed_on`,
      [participantId, payload.employedOn],
    );
  },
  async ParticipantClosed(tx, event) {
    const { participantId, payload } = event as Of<"ParticipantClosed">;
    await tx.query(
      `INSERT INTO participant_notice (participant_id, closed_on, close_reason) VALUES ($1, $2, $3)
       ON CONFLICT (participant_id) DO UPDATE SET closed_on = EXCLUDED.closed_on, close_reason = EXCLUDED.close_reason`,
      [participantId, payload.closedOn, payload.reason],
    );
  },
};
