import { createHash } from "node:crypto";
import type { QueryConfig } from "pg";
import type { DataSource } from "typeorm";
import { wrapEachConnection, type ConnectionQuery } from "./wrap-connections";

/** Distinct statements one connection keeps prepared at most; past this, new texts go unnamed (parsed each time). */
export const DEFAULT_PREPARED_PER_CONNECTION = 200;

const WRAPPED = Symbol("njsp.prepared");
/** Texts already named, shared by every connection of the process (bounded: a text beyond it is hashed per call). */
const NAMES = new Map<string, string>();
const NAMES_LIMIT = 5_000;

/**
 * The statement's name: derived from its text, so every connection (and every replica) names a text alike; it begins
 * with the statement's verb because tracing names a named statement's span by its name (`pg.query:SELECT njsp_…`).
 */
export function statementName(text: string): string {
  let name = NAMES.get(text);
  if (name) return name;
  const verb = /^\s*([A-Za-z]+)/.exec(text)?.[1].toUpperCase() ?? "SQL";
  name = `${verb.slice(0, 12)} njsp_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
  if (NAMES.size < NAMES_LIMIT) NAMES.set(text, name);
  return name;
}

/**
 * Sends every parameterised statement of `dataSource`'s pool as a named prepared statement. A subgraph sends the same
 * few dozen texts all day (TypeORM's and our own SQL, with `$n` parameters), and PostgreSQL parsed and planned each
 * one on every call: measured on the benchmark's machine, planning was 0.5–1 ms of a 0.2–2 ms statement, the larger
 * part of the server's CPU per request. Named, a text is parsed once per connection, and after five executions
 * PostgreSQL may keep a generic plan (`plan_cache_mode`), falling back to custom plans when those are cheaper.
 *
 * Statements without parameters (`BEGIN`, `COMMIT`, `SELECT 1`, migrations' DDL) are left to the simple protocol,
 * and each connection prepares at most `perConnection` texts, so a text that varies (an `IN` list of every length)
 * cannot fill the server's memory. Not for a transaction-mode connection pooler (PgBouncer before 1.21) between the
 * service and PostgreSQL: `DATABASE_PREPARED_STATEMENTS=false` turns this off there.
 */
export function usePreparedStatements(dataSource: DataSource, perConnection = DEFAULT_PREPARED_PER_CONNECTION): void {
  wrapEachConnection(dataSource, WRAPPED, (query) => preparing(query, perConnection));
}

/** One connection's `query` where `(text, values)` with values becomes `{ name, text, values }`. */
function preparing(query: ConnectionQuery, perConnection: number): ConnectionQuery {
  // the texts this connection has prepared: the server keeps them until the connection closes
  const prepared = new Set<string>();
  return (config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof config !== "string" || !Array.isArray(values) || values.length === 0) return query(config, values, callback);
    const name = statementName(config);
    if (!prepared.has(name)) {
      if (prepared.size >= perConnection) return query(config, values, callback);
      prepared.add(name);
    }
    const named: QueryConfig = { name, text: config, values };
    return query(named, callback);
  };
}
