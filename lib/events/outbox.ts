import type { EntityManager } from "typeorm";
import type { AgencyEvent } from "./event-types";

/**
 * Emits an event from inside a write's transaction: it is delivered once the write commits, and never if it rolls
 * back. A trigger-free NOTIFY wakes the relay at once; the relay also polls, so nothing depends on the notification.
 */
export async function emit(tx: EntityManager, event: AgencyEvent): Promise<void> {
  await tx.query(`INSERT INTO outbox_event (type, participant_id, payload) VALUES ($1, $2, $3)`, [
    event.type,
    event.participantId,
    JSON.stringify(event.payload),
  ]);
  await tx.query(`SELECT pg_notify('outbox_event', '')`);
}
