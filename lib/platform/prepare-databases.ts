import { Client } from "pg";
import { createDataSource, migrate } from "@lib/db/data-source";
import { ensureDatabase, withDatabase } from "@lib/db/database-url";
import { databaseName, type SubgraphDeclaration } from "@lib/subgraph/declaration";

/** Each subgraph's database URL, keyed by subgraph name. */
export type DatabaseUrls<Name extends string = string> = Record<Name, string>;

/** The subgraphs' databases on one server (`adminUrl`), named `${prefix}_<database>`. */
export function databaseUrls<Name extends string>(
  subgraphs: readonly SubgraphDeclaration<Name>[],
  adminUrl: string,
  prefix: string,
): DatabaseUrls<Name> {
  return Object.fromEntries(subgraphs.map((s) => [s.name, withDatabase(adminUrl, databaseName(s, prefix))])) as DatabaseUrls<Name>;
}

/** Creates any missing database (when `adminUrl` is given) and applies each subgraph's pending migrations. */
export async function migrateDatabases<Name extends string>(
  subgraphs: readonly SubgraphDeclaration<Name>[],
  urls: DatabaseUrls<Name>,
  adminUrl: string | null,
): Promise<Record<Name, string[]>> {
  const applied = {} as Record<Name, string[]>;
  for (const subgraph of subgraphs) {
    const url = urls[subgraph.name];
    if (adminUrl) await ensureDatabase(adminUrl, new URL(url).pathname.slice(1));
    const dataSource = createDataSource({ url, entities: [], migrations: await subgraph.migrations(), poolSize: 1 });
    await dataSource.initialize();
    try {
      applied[subgraph.name] = await migrate(dataSource);
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
export async function seedRuns<Name extends string>(urls: DatabaseUrls<Name>): Promise<Record<Name, SeedRun | null>> {
  const runs = await Promise.all(
    (Object.entries(urls) as [Name, string][]).map(async ([name, url]) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const { rows } = await client.query<SeedRun>("SELECT seed, participants FROM seed_run");
        return [name, rows[0] ?? null] as const;
      } finally {
        await client.end();
      }
    }),
  );
  return Object.fromEntries(runs) as Record<Name, SeedRun | null>;
}

/** True when every database holds a finished seed run (the seeder writes `seed_run` last). */
export async function isSeeded(urls: DatabaseUrls): Promise<boolean> {
  return Object.values(await seedRuns(urls)).every((run) => run !== null);
}
