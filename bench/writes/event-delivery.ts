import { Client } from "pg";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import { eventLagFigures, eventLags, type EmittedEvent, type ProcessedEvent } from "./event-lag";
import type { EventLagFigures } from "./write-types";

/** The last outbox event of each agency before the phase writes: its events are those after it. */
export type OutboxMarks = Record<string, number>;

async function withClient<T>(url: string, use: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ connectionString: url });
  await db.connect();
  try {
    return await use(db);
  } finally {
    await db.end();
  }
}

export async function outboxMarks(urls: DatabaseUrls): Promise<OutboxMarks> {
  const marks: OutboxMarks = {};
  for (const [name, url] of Object.entries(urls)) {
    marks[name] = await withClient(url, async (db) => {
      const { rows } = await db.query<{ id: string }>("SELECT coalesce(max(id), 0)::text AS id FROM outbox_event");
      return Number(rows[0].id);
    });
  }
  return marks;
}

/** Times as epoch milliseconds with microseconds, from the one server every database is on (one clock). */
const EPOCH_MS = (column: string) => `(extract(epoch FROM ${column}) * 1000)::float8`;

async function readEvents(urls: DatabaseUrls, marks: OutboxMarks): Promise<{ emitted: EmittedEvent[]; processed: ProcessedEvent[] }> {
  const emitted: EmittedEvent[] = [];
  const processed: ProcessedEvent[] = [];
  for (const [name, url] of Object.entries(urls)) {
    await withClient(url, async (db) => {
      const own = await db.query<{ id: string; type: string; at: number }>(
        `SELECT id::text, type, ${EPOCH_MS("created_at")} AS at FROM outbox_event WHERE id > $1 ORDER BY id`,
        [marks[name] ?? 0],
      );
      for (const row of own.rows) emitted.push({ source: name, id: row.id, type: row.type, createdAtMs: row.at });
      for (const [source, mark] of Object.entries(marks)) {
        if (source === name) continue;
        const handled = await db.query<{ id: string; at: number }>(
          `SELECT event_id::text AS id, ${EPOCH_MS("processed_at")} AS at FROM processed_event WHERE source = $1 AND event_id > $2`,
          [source, mark],
        );
        for (const row of handled.rows) processed.push({ consumer: name, source, id: row.id, processedAtMs: row.at });
      }
    });
  }
  return { emitted, processed };
}

/**
 * Waits until every agency has handled every event the phase's writes emitted (at most `timeoutMs`), then computes
 * the lag of each (event, agency) pair. Whatever is still missing then is reported as missing.
 */
export async function measureEventLag(
  urls: DatabaseUrls,
  marks: OutboxMarks,
  transport: EventLagFigures["transport"],
  timeoutMs = 30_000,
): Promise<EventLagFigures> {
  const consumers = Object.keys(urls);
  const until = Date.now() + timeoutMs;
  for (;;) {
    const { emitted, processed } = await readEvents(urls, marks);
    if (eventLags(emitted, processed, consumers).missing === 0 || Date.now() > until) {
      return eventLagFigures(transport, emitted, processed, consumers);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
