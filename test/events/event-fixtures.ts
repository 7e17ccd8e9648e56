import type { TestSystem } from "../support/system";
import type { SubgraphName } from "@subgraphs/registry";

/** Polls `read` until it returns what `done` accepts, or fails after `ms` with the last value seen. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The copy one agency keeps of who may see a participant: its links and consents, sorted. */
export async function accessCopy(system: TestSystem, name: SubgraphName, participantId: string) {
  const links = await system.sql(name, "SELECT office_kind, office_id FROM participant_link WHERE participant_id = $1 ORDER BY 1, 2", [
    participantId,
  ]);
  const consents = await system.sql(
    name,
    "SELECT viewer_kind, records_kind, withdrawn_at IS NOT NULL AS withdrawn FROM participant_consent WHERE participant_id = $1 ORDER BY 1, 2, 3",
    [participantId],
  );
  return { links, consents };
}

/** An event written straight into job-centers' outbox, as a write of it would (for effects no mutation emits yet). */
export async function emitFromJobCenters(system: TestSystem, type: string, participantId: string, payload: unknown): Promise<void> {
  await system.sql("job-centers", "INSERT INTO outbox_event (type, participant_id, payload) VALUES ($1, $2, $3)", [
    type,
    participantId,
    JSON.stringify(payload),
  ]);
  await system.sql("job-centers", "SELECT pg_notify('outbox_event', '')");
}
