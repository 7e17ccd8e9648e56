import "reflect-metadata";
import { DataSource, type Logger } from "typeorm";
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
  /** Print every statement (development aid). */
  logSql?: boolean;
  /** Counts statements; one per service so that tests can read it. */
  counter?: SqlStatementCounter;
}

class CountingLogger implements Logger {
  constructor(
    private readonly counter: SqlStatementCounter,
    private readonly print: boolean,
  ) {}

  logQuery(query: string, parameters?: unknown[]): void {
    this.counter.increment();
    if (this.print) console.log(`[sql] ${query}`, parameters ?? "");
  }
  logQueryError(error: string | Error, query: string): void {
    if (this.print) console.error(`[sql error] ${String(error)} in ${query}`);
  }
  logQuerySlow(time: number, query: string): void {
    if (this.print) console.warn(`[sql slow ${time} ms] ${query}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    if (this.print) console.log(`[migration] ${message}`);
  }
  log(): void {}
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
    extra: { max: options.poolSize ?? 10, idleTimeoutMillis: 0 },
    logger: new CountingLogger(options.counter ?? new SqlStatementCounter(), options.logSql ?? false),
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
export function poolOf(dataSource: DataSource): (PoolCounts & { connect(): Promise<{ release(): void }> }) | undefined {
  return (dataSource.driver as unknown as { master?: PoolCounts & { connect(): Promise<{ release(): void }> } }).master;
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

/** Runs pending migrations; each in its own transaction, so a failed one leaves the database as it was. */
export async function migrate(dataSource: DataSource): Promise<string[]> {
  const applied = await dataSource.runMigrations({ transaction: "each" });
  return applied.map((m) => m.name);
}
