import "reflect-metadata";
import type { Pool } from "pg";
import { DataSource, type Logger } from "typeorm";
import type { Logger as ServiceLogger } from "@lib/log/logger";
import type { ClassList } from "@lib/subgraph/declaration";
import { SqlStatementCounter } from "./sql-counter";

/** Options of one subgraph's connection to its own database. */
export interface SubgraphDatabaseOptions {
  /** `postgres://user:pass@host:port/database` of this subgraph's own database. */
  url: string;
  entities: ClassList;
  migrations: ClassList;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Log every statement (development aid), to `logger`: the SQL text, never the values bound to it (personal data). */
  logSql?: boolean;
  logger?: Pick<ServiceLogger, "info" | "warn" | "error">;
  /**
   * PostgreSQL's `statement_timeout` for every connection of the pool (ms; 0 or absent = none): a statement still
   * running after this is cancelled by the server, so work nobody waits for any more ends even if its cancel is lost.
   */
  statementTimeoutMs?: number;
  /** Counts statements; one per service so that tests can read it. */
  counter?: SqlStatementCounter;
}

class CountingLogger implements Logger {
  constructor(
    private readonly counter: SqlStatementCounter,
    private readonly print: SubgraphDatabaseOptions["logger"] | undefined,
  ) {}

  logQuery(query: string): void {
    this.counter.increment();
    this.print?.info({ sql: query }, "sql");
  }
  logQueryError(error: string | Error, query: string): void {
    this.print?.error({ sql: query, code: (error as { code?: unknown }).code }, "sql error");
  }
  logQuerySlow(time: number, query: string): void {
    this.print?.warn({ sql: query, ms: time }, "sql slow");
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.print?.info(message);
  }
  log(): void {}
}

const CONNECT_TIMEOUT_MS = 3_000;

/**
 * The settings every connection starts with. READ COMMITTED is pinned whatever the server's default: the writes
 * (lib/mutation/run-mutation.ts) rely on it, and begin with one `START TRANSACTION` instead of a second statement
 * setting the level in every transaction.
 */
function connectionOptions(options: SubgraphDatabaseOptions): string {
  const settings = ["-c default_transaction_isolation=read\\ committed"];
  if (options.statementTimeoutMs) settings.push(`-c statement_timeout=${Math.floor(options.statementTimeoutMs)}`);
  return settings.join(" ");
}

export function createDataSource(options: SubgraphDatabaseOptions): DataSource {
  return new DataSource({
    type: "postgres",
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: "migrations",
    migrationsTransactionMode: "each",
    synchronize: false,
    uuidExtension: "pgcrypto",
    // connections stay open: opening one (fork + SCRAM) costs tens of ms, which would land on some request's latency
    extra: {
      max: options.poolSize ?? 10,
      idleTimeoutMillis: 0,
      // while the server is unreachable a request fails within this instead of waiting for a connection forever
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      options: connectionOptions(options),
    },
    logger: new CountingLogger(options.counter ?? new SqlStatementCounter(), options.logSql ? options.logger : undefined),
    logging: true,
  });
}

/** The connection counts of a pg pool (node-postgres's `Pool`), as the pool metric reads them. */
export interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/** The driver's pool behind a TypeORM data source; undefined before it is initialised. */
export function poolOf(dataSource: DataSource): Pool | undefined {
  return (dataSource.driver as unknown as { master?: Pool }).master;
}

/**
 * Opens every connection of the pool now, before the first request, so that no request waits for a connection to
 * be established. Goes through the driver's pool directly: nothing is counted as a statement of the service.
 */
export async function warmPool(dataSource: DataSource, size: number): Promise<void> {
  const pool = poolOf(dataSource);
  if (!pool) return;
  const clients = await Promise.all(Array.from({ length: size }, () => pool.connect()));
  for (const client of clients) client.release();
}

/**
 * Connects, trying again with backoff for about 20 s when the first connection times out: PostgreSQL started in the
 * same moment as every service (the launcher, a compose file, a node coming back) can be slow to accept them all, and
 * a service that gives up at once then needs a restart it did not need.
 */
export async function initializeWithRetries(
  dataSource: DataSource,
  logger?: { warn(fields: object, message: string): void },
  delaysMs: readonly number[] = [500, 1_000, 2_000, 4_000, 8_000],
): Promise<DataSource> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await dataSource.initialize();
    } catch (error) {
      const delay = delaysMs[attempt];
      if (delay === undefined || dataSource.isInitialized) throw error;
      logger?.warn({ attempt: attempt + 1, reason: (error as Error).message }, "database not reachable yet, trying again");
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/** Runs pending migrations; each in its own transaction, so a failed one leaves the database as it was. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}

/**
 * Whether the database answers `SELECT 1` within `timeoutMs`, through the driver's pool (not counted as a statement
 * of the service). For `/readyz`: the pool reconnects by itself, so this turns true again once the server is back.
 */
export async function pingDatabase(dataSource: DataSource, timeoutMs = 1_000): Promise<true | string> {
  const pool = (dataSource.driver as unknown as { master?: { query(text: string): Promise<unknown> } }).master;
  if (!dataSource.isInitialized || !pool) return "not connected";
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => (timer = setTimeout(() => resolve("no answer"), timeoutMs)));
  try {
    return await Promise.race([pool.query("SELECT 1").then(() => true as const), timeout]);
  } catch {
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}
