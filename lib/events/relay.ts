import { Client } from "pg";
import type { DeliveredEvent, EventTarget } from "./delivered-event";

/** One relay per database at a time, whatever the number of replicas: the one holding this session lock. */
const RELAY_LOCK = 4_242_000_802;
const BATCH = 200;

export interface RelayOptions {
  databaseUrl: string;
  /** This agency's subgraph name: the `source` of its events. */
  source: string;
  /** Where to send; read at every pass (the embedded default learns its peers' addresses late). */
  targets: () => readonly EventTarget[];
  /** A pass also runs this often without a notification (ms). */
  pollMs?: number;
  log?: (line: string) => void;
}

export interface Relay {
  /** Resolves once every event committed before the call has reached every target (tests, shutdown). */
  drain(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Delivers this agency's outbox: at least once, in outbox order, to each target separately (a target that was down
 * resumes after the last event it took, and holds up no other). Woken by the writes' NOTIFY, and polling besides.
 */
export async function startRelay(options: RelayOptions): Promise<Relay> {
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  await client.query("LISTEN outbox_event");
  let pass: Promise<void> = Promise.resolve();
  let again = false;
  let stopped = false;
  let running = false;
  const log = options.log ?? (() => undefined);

  // this relay's own bookkeeping, valid while it holds the lock (no other relay writes `outbox_delivery` meanwhile):
  // an idle pass is then one statement, not two plus three per target, every `pollMs` in every agency
  let locked = false;
  const delivered = new Map<string, string>();

  const run = async (): Promise<void> => {
    if (!locked) {
      [{ locked }] = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RELAY_LOCK])).rows;
      if (!locked) return;
    }
    const targets = options.targets();
    if (targets.length === 0) return;
    for (const target of targets) if (!delivered.has(target.name)) delivered.set(target.name, await lastDelivered(client, target.name));
    for (;;) {
      const after = targets.map((t) => delivered.get(t.name)!).reduce(minId);
      const { rows } = await client.query<OutboxRow>(PENDING_SQL, [after]);
      if (rows.length === 0) return;
      let progress = false;
      for (const target of targets) {
        const last = await deliver(client, options.source, target, rows, delivered.get(target.name)!, log);
        progress ||= last !== delivered.get(target.name);
        delivered.set(target.name, last);
      }
      await client.query(
        `UPDATE outbox_event SET published_at = clock_timestamp()
         WHERE published_at IS NULL AND id <= (SELECT coalesce(min(last_id), 0) FROM outbox_delivery WHERE target = ANY($1))`,
        [targets.map((t) => t.name)],
      );
      // a target that failed is tried again at the next pass; a full batch means there may be more now
      if (!progress || rows.length < BATCH) return;
    }
  };
  const wake = (): Promise<void> => {
    if (stopped) return pass;
    if (running) {
      again = true;
      return pass;
    }
    running = true;
    pass = (async () => {
      do {
        again = false;
        await run().catch((error: Error) => log(`relay pass failed: ${error.message}`));
      } while (again && !stopped);
      running = false;
    })();
    return pass;
  };
  client.on("notification", () => void wake());
  client.on("error", (error) => log(`relay connection: ${error.message}`));
  const timer = setInterval(() => void wake(), options.pollMs ?? 500);
  void wake();
  return {
    async drain() {
      await pass;
      await wake();
    },
    async stop() {
      stopped = true;
      clearInterval(timer);
      await pass;
      await client.end();
    },
  };
}

interface OutboxRow {
  id: string;
  type: string;
  participant_id: string;
  payload: unknown;
  at: string;
}

const PENDING_SQL = `SELECT id::text, type, participant_id, payload, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
  FROM outbox_event WHERE id > $1::bigint ORDER BY id LIMIT ${BATCH}`;

/** The smaller of two bigint ids as text. */
function minId(a: string, b: string): string {
  return BigInt(a) <= BigInt(b) ? a : b;
}

/** The last event `target` took, as stored (a new target starts at 0). */
async function lastDelivered(client: Client, target: string): Promise<string> {
  await client.query("INSERT INTO outbox_delivery (target) VALUES ($1) ON CONFLICT DO NOTHING", [target]);
  const { rows } = await client.query<{ last_id: string }>("SELECT last_id::text AS last_id FROM outbox_delivery WHERE target = $1", [
    target,
  ]);
  return rows[0].last_id;
}

/**
 * Sends one target the events of `rows` after `last`, in order, each recorded as delivered before the next is sent;
 * stops at the first failure (the next pass resumes there). Returns the last event the target has now.
 */
async function deliver(
  client: Client,
  source: string,
  target: EventTarget,
  rows: OutboxRow[],
  last: string,
  log: (line: string) => void,
): Promise<string> {
  for (const row of rows) {
    if (BigInt(row.id) <= BigInt(last)) continue;
    const event = {
      source,
      id: row.id,
      type: row.type,
      participantId: row.participant_id,
      payload: row.payload,
      emittedAt: row.at,
    } as DeliveredEvent;
    try {
      await target.send(event);
    } catch (error) {
      log(`event ${source}#${row.id} not delivered to ${target.name} yet: ${(error as Error).message}`);
      return last;
    }
    await client.query("UPDATE outbox_delivery SET last_id = $2 WHERE target = $1", [target.name, row.id]);
    last = row.id;
  }
  return last;
}
