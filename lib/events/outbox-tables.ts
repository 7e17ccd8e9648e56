import { createIdempotencyTable } from "@lib/mutation/idempotency";

interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

/**
 * What every subgraph needs to write and to learn of the others' writes (lib/events/):
 * - `outbox_event`: the events its writes emit, in the write's own transaction (a write and its event commit
 *   together or not at all); delivered in id order, at least once, by the relay of its own process;
 * - `processed_event`: the events of other agencies it has handled, so that a redelivery changes nothing;
 * - `idempotency_key` (lib/mutation/idempotency.ts), in the subgraphs that did not have it yet.
 */
export async function createOutboxTables(q: SqlRunner, withIdempotency: boolean): Promise<void> {
  await q.query(`
    CREATE TABLE outbox_event (
      id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      type           text NOT NULL,
      participant_id uuid NOT NULL,
      payload        jsonb NOT NULL,
      created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
      published_at   timestamptz)`);
  // the relay's work list: what is not published yet, oldest first
  await q.query(`CREATE INDEX outbox_event_unpublished ON outbox_event (id) WHERE published_at IS NULL`);
  await q.query(`
    CREATE TABLE processed_event (
      source       text NOT NULL,
      event_id     bigint NOT NULL,
      type         text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (source, event_id))`);
  if (withIdempotency) await createIdempotencyTable(q);
}

export async function dropOutboxTables(q: SqlRunner, withIdempotency: boolean): Promise<void> {
  if (withIdempotency) await q.query(`DROP TABLE idempotency_key`);
  await q.query(`DROP TABLE processed_event`);
  await q.query(`DROP TABLE outbox_event`);
}
