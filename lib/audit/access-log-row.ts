import type { Viewer } from "@lib/auth/viewer";
import type { RequestTrace, TracedOperation } from "./request-trace";

export type { TracedOperation } from "./request-trace";

/** What an entry records: a read of personal data, or (once the graph writes) a change to it. */
export type AccessAction = "READ" | "WRITE";

/** One access, as a subgraph knows it at the end of a request (or inside a write's transaction). */
export interface AccessEntry {
  action: AccessAction;
  /** The agency whose data it was: this subgraph's name. */
  subgraph: string;
  viewer: Viewer;
  trace: RequestTrace;
  operation: TracedOperation;
  /** The participants concerned, at least one. */
  participantIds: readonly string[];
}

/** The append of one entry, its parameters ({@link accessLogRow}) numbered from `$first`, to put in another statement. */
export const appendCall = (first: number): string =>
  `access_log_append(${Array.from({ length: 11 }, (_, i) => `$${first + i}${i === 8 ? "::uuid[]" : ""}`).join(", ")})`;

/** The one statement of a request's access log; the database assigns id, time, and the chained hash. */
export const APPEND_SQL = `SELECT ${appendCall(1)}`;

/** The parameters of {@link APPEND_SQL}, in the function's order. */
export function accessLogRow(entry: AccessEntry): unknown[] {
  const user = entry.viewer.kind === "user" ? entry.viewer : null;
  return [
    entry.action,
    entry.subgraph,
    // the rules let no anonymous caller read a person; should one ever, the log still says so
    user?.sub ?? "anonymous",
    user?.role ?? "ANONYMOUS",
    user?.org?.kind ?? null,
    user?.org?.id ?? null,
    entry.operation.name,
    entry.operation.hash,
    [...entry.participantIds],
    entry.trace.clientAddress,
    entry.trace.requestId,
  ];
}

/**
 * Appends one entry. A write should call this with its own transaction's query runner, so that the change and its
 * log entry commit together or not at all.
 */
export async function appendAccessLog(
  db: { query(sql: string, parameters: unknown[]): Promise<unknown> },
  entry: AccessEntry,
): Promise<void> {
  await db.query(APPEND_SQL, accessLogRow(entry));
}
