import { decodeCursor, encodeCursor, pageSize, toPage } from "@lib/graphql/pagination";
import type { AccessLogFilterValue } from "./access-log-filter";
import { AccessLogAction, type AccessLogEntry, type AccessLogEntryConnection } from "./access-log-types";

/** `at` as the keyset compares it: UTC to the microsecond (a JavaScript Date keeps milliseconds only). */
const AT_TEXT = `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const AT_CURSOR = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const ROW_ID = /^[1-9][0-9]{0,18}$/;

export interface AccessLogRow {
  id: string;
  at_text: string;
  action: string;
  user_sub: string;
  user_role: string;
  office_kind: string | null;
  office_id: number | null;
  operation_name: string | null;
  operation_hash: string;
  participant_ids: string[];
  client_address: string;
  request_id: string;
  hash: string;
}

/**
 * One page of this database's access log matching `filter`, newest first: keyset on (at, id) after the cursor's
 * entry, `limit + 1` rows (the extra one says whether there is a next page). Only the filter's given parts become
 * conditions, each served by an index (GIN on participant_ids, (user_sub, at, id), (at, id)).
 */
export function accessLogPageQuery(filter: AccessLogFilterValue, limit: number, after: [string, string] | null) {
  const params: unknown[] = [];
  const param = (value: unknown, type: string) => `$${params.push(value)}::${type}`;
  const conditions: string[] = [];
  if (filter.participantId) conditions.push(`participant_ids @> ARRAY[${param(filter.participantId, "uuid")}]`);
  if (filter.userSub) conditions.push(`user_sub = ${param(filter.userSub, "text")}`);
  if (filter.from) conditions.push(`at >= ${param(filter.from, "timestamptz")}`);
  // inclusive to the millisecond the graph shows: an entry at 12:00:00.556157 is within `to: 12:00:00.556Z`
  if (filter.to) conditions.push(`at < ${param(filter.to, "timestamptz")} + interval '1 millisecond'`);
  if (after) conditions.push(`(at, id) < (${param(after[0], "timestamptz")}, ${param(after[1], "bigint")})`);
  const sql = `
    SELECT id::text AS id, ${AT_TEXT} AS at_text, action, user_sub, user_role, office_kind, office_id, operation_name,
           operation_hash, participant_ids::text[] AS participant_ids, client_address, request_id, encode(hash, 'hex') AS hash
    FROM access_log l ${conditions.length > 0 ? `WHERE ${conditions.join(" AND ")}` : ""}
    ORDER BY l.at DESC, l.id DESC LIMIT ${param(limit + 1, "int")}`;
  return { sql, params };
}

export function entryOf(row: AccessLogRow): AccessLogEntry {
  return {
    id: row.id,
    at: new Date(row.at_text),
    userSub: row.user_sub,
    userRole: row.user_role,
    officeKind: row.office_kind,
    officeId: row.office_id === null ? null : String(row.office_id),
    action: row.action as AccessLogAction,
    operationName: row.operation_name,
    operationHash: row.operation_hash,
    participantIds: row.participant_ids,
    clientAddress: row.client_address,
    requestId: row.request_id,
    hash: row.hash,
  };
}

/** A page of this database's log for the connection fields of `AccessLog` (one statement). */
export async function loadAccessLogPage(
  db: { query(sql: string, params: unknown[]): Promise<unknown> },
  filter: AccessLogFilterValue,
  args: { first?: number | null; after?: string | null },
): Promise<AccessLogEntryConnection> {
  const limit = pageSize(args.first);
  const after = args.after == null ? null : decodeCursor<[string, string]>(args.after, [isAtCursor, isRowId]);
  const { sql, params } = accessLogPageQuery(filter, limit, after);
  const rows = (await db.query(sql, params)) as AccessLogRow[];
  const page = toPage(rows, limit, (row) => encodeCursor([row.at_text, row.id]));
  return { pageInfo: page.pageInfo, edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: entryOf(edge.node) })) };
}

const isAtCursor = (part: unknown): boolean => typeof part === "string" && AT_CURSOR.test(part) && Number.isFinite(Date.parse(part));
const isRowId = (part: unknown): boolean => typeof part === "string" && ROW_ID.test(part);
