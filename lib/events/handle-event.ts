import type { DataSource } from "typeorm";
import type { DeliveredEvent, EventEffects } from "./delivered-event";

/**
 * Handles one delivered event exactly once: in one transaction, the event is recorded as handled (by its source and
 * number) and its effect applied; a redelivery finds it recorded and changes nothing. An agency ignores its own events.
 * Returns whether the effect ran.
 */
export async function handleEvent(db: DataSource, self: string, effects: EventEffects, event: DeliveredEvent): Promise<boolean> {
  if (event.source === self) return false;
  return db.transaction("READ COMMITTED", async (tx) => {
    const fresh = await tx.query<unknown[]>(
      `INSERT INTO processed_event (source, event_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
      [event.source, event.id, event.type],
    );
    if (fresh.length === 0) return false;
    await effects[event.type]?.(tx, event);
    return true;
  });
}
