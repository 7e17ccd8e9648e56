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

/** A finished seed run, as the seeder records it last in each database. */
export interface SeedRun {
  seed: string;
  participants: number;
}

/** The seed run each database holds, or null where seeding never finished. */
export async function seedRuns(urls: DatabaseUrls): Promise<Record<SubgraphName, SeedRun | null>> {
  const runs = await Promise.all(
    SUBGRAPH_NAMES.map(async (name) => {
      const client = new Client({ connectionString: urls[name] });
      await client.connect();
      try {
        const { rows } = await client.query<SeedRun>("SELECT seed, participants FROM seed_run");
        return [name, rows[0] ?? null] as const;
      } finally {
        await client.end();
      }
    }),
  );
  return Object.fromEntries(runs) as Record<SubgraphName, SeedRun | null>;
}

/** True when every database holds a finished seed run (the seeder writes `seed_run` last). */
export async function isSeeded(urls: DatabaseUrls): Promise<boolean> {
  return Object.values(await seedRuns(urls)).every((run) => run !== null);
}
