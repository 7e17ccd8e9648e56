import type { PoolClient } from "pg";
import type { DataSource } from "typeorm";
import { poolOf } from "./data-source";

/** A connection's `query`, whatever form of call it is given (text and values, a config, a callback). */
export type ConnectionQuery = (...args: unknown[]) => unknown;

/**
 * Wraps the `query` of every connection of `dataSource`'s pool with `wrap`, once per connection and per `mark`.
 * Connections are wrapped as they are checked out (`acquire`), so the ones the pool already holds are covered too and
 * TypeORM, which calls `query` on the checked-out client, goes through the wrapper. Wrappers registered later run
 * first: each receives the `query` the earlier ones left.
 */
export function wrapEachConnection(
  dataSource: DataSource,
  mark: symbol,
  wrap: (query: ConnectionQuery, client: PoolClient) => ConnectionQuery,
): void {
  poolOf(dataSource)?.on("acquire", (client) => wrapConnection(client, mark, wrap));
}

/** Wraps one connection's `query` with `wrap` unless `mark` says it already is. */
export function wrapConnection(
  client: PoolClient,
  mark: symbol,
  wrap: (query: ConnectionQuery, client: PoolClient) => ConnectionQuery,
): void {
  const target = client as unknown as Record<symbol, true | undefined> & { query: ConnectionQuery };
  if (target[mark]) return;
  target[mark] = true;
  target.query = wrap(target.query.bind(target), client);
}
