import { Client } from "pg";
import { createDataSource, migrate } from "../db/data-source";
import { ensureDatabase, withDatabase } from "../db/database-url";
import { databaseName, SUBGRAPH_NAMES, type SubgraphName } from "../subgraph-names";

/** Each subgraph's database URL. */
export type DatabaseUrls = Record<SubgraphName, string>;

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type MigrationLists = Record<SubgraphName, Function[]>;

/** The four databases on one server (`adminUrl`), named `${prefix}_<subgraph>`. */
export function databaseUrls(adminUrl: string, prefix: string): DatabaseUrls {
  return Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, withDatabase(adminUrl, databaseName(name, prefix))])) as DatabaseUrls;
}

/** Creates any missing database and applies pending migrations to each; returns what was applied. */
export async function migrateDatabases(urls: DatabaseUrls, adminUrl: string | null, migrations: MigrationLists) {
  const applied: Record<string, string[]> = {};
  for (const name of SUBGRAPH_NAMES) {
    if (adminUrl) await ensureDatabase(adminUrl, new URL(urls[name]).pathname.slice(1));
    const dataSource = createDataSource({ url: urls[name], entities: [], migrations: migrations[name], poolSize: 1 });
    await dataSource.initialize();
    try {
      applied[name] = await migrate(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  return applied;
}

/** True when every database holds a finished seed run (the seeder writes `seed_run` last). */
export async function isSeeded(urls: DatabaseUrls): Promise<boolean> {
  for (const name of SUBGRAPH_NAMES) {
    const client = new Client({ connectionString: urls[name] });
    await client.connect();
    try {
      const { rowCount } = await client.query("SELECT 1 FROM seed_run");
      if (!rowCount) return false;
    } finally {
      await client.end();
    }
  }
  return true;
}
