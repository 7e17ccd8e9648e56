/**
 * Seeds the four agency databases with deterministic synthetic data.
 *
 *   DATABASE_URL=postgres://… [DATABASE_PREFIX=njsp] node dist/scripts/seed.js [--participants 20000] [--seed njsp-2022]
 *
 * DATABASE_URL names any database of the server (an admin connection); the four databases `${prefix}_<agency>` are
 * created if missing and migrated before seeding.
 */
import { parseArgs } from "node:util";
import { Presets, SingleBar } from "cli-progress";
import { createDataSource, migrate } from "../lib/db/data-source";
import { ensureDatabase, withDatabase } from "../lib/db/database-url";
import { DEFAULT_DATABASE_PREFIX, SUBGRAPH_NAMES, databaseName, type SubgraphName } from "../lib/subgraph-names";
import { migrations as jobCenters } from "../subgraphs/job-centers/src/migrations";
import { migrations as localJobCenters } from "../subgraphs/local-job-centers/src/migrations";
import { migrations as saeilCenters } from "../subgraphs/saeil-centers/src/migrations";
import { migrations as welfarePartners } from "../subgraphs/welfare-partners/src/migrations";
import { seedDatabases, type SeedSummary } from "../seed/seed-databases";

const MIGRATIONS = { "job-centers": jobCenters, "local-job-centers": localJobCenters, "saeil-centers": saeilCenters, "welfare-partners": welfarePartners };

function options(): { participants: number; seed: string } {
  const { values } = parseArgs({
    options: { participants: { type: "string", default: "20000" }, seed: { type: "string", default: "njsp-2022" } },
    strict: true,
  });
  const participants = Number(values.participants);
  if (!Number.isInteger(participants) || participants < 1) throw new Error(`--participants must be a positive integer, not "${values.participants}"`);
  return { participants, seed: values.seed };
}

/** Creates any missing database and applies pending migrations; returns each agency's database URL. */
async function prepareDatabases(adminUrl: string, prefix: string): Promise<Record<SubgraphName, string>> {
  const urls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const database = databaseName(name, prefix);
    await ensureDatabase(adminUrl, database);
    urls[name] = withDatabase(adminUrl, database);
    const dataSource = createDataSource({ url: urls[name], entities: [], migrations: MIGRATIONS[name], poolSize: 1 });
    await dataSource.initialize();
    try {
      await migrate(dataSource);
    } finally {
      await dataSource.destroy();
    }
  }
  return urls;
}

function printSummary(summary: SeedSummary, seed: string): void {
  const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
  console.log(`seeded ${summary.participants.toLocaleString("en")} participants (seed "${seed}") in ${(summary.ms / 1000).toFixed(1)} s, ${total.toLocaleString("en")} rows:`);
  const width = Math.max(...Object.keys(summary.rows).map((t) => t.length));
  for (const [table, n] of Object.entries(summary.rows)) console.log(`  ${table.padEnd(width)} ${n.toLocaleString("en").padStart(12)}`);
}

async function main(): Promise<void> {
  const { participants, seed } = options();
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error("DATABASE_URL is not set (the admin URL of a PostgreSQL server)");
  const urls = await prepareDatabases(adminUrl, process.env.DATABASE_PREFIX || DEFAULT_DATABASE_PREFIX);
  const bar = new SingleBar({ format: "seeding |{bar}| {value}/{total} participants | ETA {eta_formatted}", hideCursor: true }, Presets.shades_classic);
  bar.start(participants, 0);
  try {
    const summary = await seedDatabases(urls, { participants, seed, onProgress: (done) => bar.update(done) });
    bar.stop();
    printSummary(summary, seed);
  } finally {
    bar.stop();
  }
}

main().catch((error: unknown) => {
  console.error(`seed failed: ${error instanceof Error ? error.message : String(error)}`.split("\n")[0]);
  process.exitCode = 1;
});
