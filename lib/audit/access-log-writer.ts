import { outsideRequests } from "@lib/db/cancel-abandoned-queries";
import { accessLogRow, type AccessEntry } from "./access-log-row";

/**
 * The requests' access-log entries of one subgraph process, appended in as few statements as the load allows (group
 * commit): an entry waits for no timer; it goes out with the next statement, and while one is running the entries
 * that arrive meanwhile gather for the one after it. Appends are serialised by the database anyway (each row chains
 * the hash of the row before it, under one advisory lock), so at concurrency 16 one statement now carries the
 * entries of several requests instead of each request queueing for the lock with its own statement and commit.
 * Each caller still waits for its own entry to be stored, so no answer leaves before its read is logged.
 */
export interface AccessLogWriter {
  append(entry: AccessEntry): Promise<void>;
}

/**
 * The one statement of a group: `access_log_append` once per entry, in one transaction. Each call takes the advisory
 * lock (held until the commit; a session may take it again) and reads the last row in a fresh snapshot, which shows
 * the rows the calls before it in this statement inserted, so the group is chained like single appends.
 */
export const APPEND_GROUP_SQL = `SELECT access_log_append(e.action, e.subgraph, e.user_sub, e.user_role, e.office_kind, e.office_id,
  e.operation_name, e.operation_hash, e.participant_ids, e.client_address, e.request_id)
FROM jsonb_to_recordset($1::jsonb) AS e(action text, subgraph text, user_sub text, user_role text, office_kind text,
  office_id integer, operation_name text, operation_hash text, participant_ids uuid[], client_address text, request_id text)`;

const COLUMNS = [
  "action",
  "subgraph",
  "user_sub",
  "user_role",
  "office_kind",
  "office_id",
  "operation_name",
  "operation_hash",
  "participant_ids",
  "client_address",
  "request_id",
] as const;

/** An entry as one element of the group's JSON, named as the statement's record columns. */
export function groupElement(entry: AccessEntry): Record<(typeof COLUMNS)[number], unknown> {
  const row = accessLogRow(entry);
  return Object.fromEntries(COLUMNS.map((column, i) => [column, row[i]])) as Record<(typeof COLUMNS)[number], unknown>;
}

interface Waiting {
  entry: AccessEntry;
  resolve(): void;
  reject(error: unknown): void;
}

export function createAccessLogWriter(db: { query(sql: string, parameters: unknown[]): Promise<unknown> }): AccessLogWriter {
  let waiting: Waiting[] = [];
  let running = false;

  const flush = async (): Promise<void> => {
    const group = waiting;
    waiting = [];
    try {
      await db.query(APPEND_GROUP_SQL, [JSON.stringify(group.map((w) => groupElement(w.entry)))]);
      for (const w of group) w.resolve();
    } catch (error) {
      for (const w of group) w.reject(error);
    }
    if (waiting.length > 0) void flush();
    else running = false;
  };

  return {
    append(entry) {
      return new Promise<void>((resolve, reject) => {
        waiting.push({ entry, resolve, reject });
        if (running) return;
        running = true;
        // the other requests finishing in this turn of the event loop join the group; the statement is the group's,
        // not the first request's: that one's caller going away must not cancel the others' log rows
        setImmediate(() => outsideRequests(() => void flush()));
      });
    },
  };
}
