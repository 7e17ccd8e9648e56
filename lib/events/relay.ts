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

  const run = async (): Promise<void> => {
    const [{ locked }] = (await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [RELAY_LOCK])).rows;
    if (!locked) return;
    const targets = options.targets();
    for (const target of targets) await deliver(client, options.source, target, log);
    await client.query(
      `UPDATE outbox_event SET published_at = clock_timestamp()
       WHERE published_at IS NULL AND id <= (SELECT coalesce(min(last_id), 0) FROM outbox_delivery WHERE target = ANY($1))`,
      [targets.map((t) => t.name)],
    );
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

/** Sends one target what it has not had yet, in order; stops at the first failure (the next pass resumes there). */
async function deliver(client: Client, source: string, target: EventTarget, log: (line: string) => void): Promise<void> {
  await client.query("INSERT INTO outbox_delivery (target) VALUES ($1) ON CONFLICT DO NOTHING", [target.name]);
  for (;;) {
    const [{ last_id: last }] = (
      await client.query<{ last_id: string }>("SELECT last_id FROM outbox_delivery WHERE target = $1", [target.name])
    ).rows;
    const { rows } = await client.query<{ id: string; type: string; participant_id: string; payload: unknown; at: string }>(
      `SELECT id::text, type, participant_id, payload, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at
       FROM outbox_event WHERE id > $1 ORDER BY id LIMIT ${BATCH}`,
      [last],
    );
    if (rows.length === 0) return;
    for (const row of rows) {
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
        return;
      }
      await client.query("UPDATE outbox_delivery SET last_id = $2 WHERE target = $1", [target.name, row.id]);
    }
  }
}
