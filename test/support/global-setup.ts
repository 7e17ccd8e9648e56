import { startEmbeddedPostgres } from "@lib/platform/embedded-postgres";
import { databaseUrls, migrateDatabases, seedRuns } from "@lib/platform/prepare-databases";
import { seedDatabases } from "../../seed/seed-databases";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { publishDatabaseUrls, testEnv } from "./test-env";

/**
 * Once per run: a real PostgreSQL (embedded unless DATABASE_URL is set), the four databases migrated, and the demo
 * data seeded (skipped when the same seed is already there, as on a developer's second run).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  let adminUrl = testEnv.databaseUrl;
  if (!adminUrl) {
    const server = await startEmbeddedPostgres({ dataDir: testEnv.dataDir, port: testEnv.pgPort });
    (globalThis as { __NJSP_PG__?: typeof server }).__NJSP_PG__ = server;
    adminUrl = server.adminUrl;
  }
  const urls = databaseUrls(SUBGRAPH_LIST, adminUrl, testEnv.databasePrefix);
  const applied = Object.values(await migrateDatabases(SUBGRAPH_LIST, urls, adminUrl)).flat();
  const wanted = `${testEnv.seed}/${testEnv.participants}`;
  const runs = Object.values(await seedRuns(urls));
  // a migration may add tables the seeder fills: demo data older than the schema is made again
  if (applied.length > 0 || !runs.every((run) => run !== null && `${run.seed}/${run.participants}` === wanted)) {
    await seedDatabases(urls, { participants: testEnv.participants, seed: testEnv.seed });
  }
  publishDatabaseUrls(urls);
  console.log(`\n[test] databases ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${wanted})`);
}
