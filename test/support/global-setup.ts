import { Client } from "pg";
import { startEmbeddedPostgres } from "../../lib/platform/embedded-postgres";
import { databaseUrls, migrateDatabases } from "../../lib/platform/prepare-databases";
import { SUBGRAPH_NAMES } from "../../lib/subgraph-names";
import { seedDatabases } from "../../seed/seed-databases";
import { SUBGRAPH_SERVICES } from "../../subgraphs";
import { publishDatabaseUrls, testEnv } from "./test-env";

/** The seed run a database holds, if any. */
async function seedRun(url: string): Promise<string | null> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ seed: string; participants: number }>("SELECT seed, participants FROM seed_run");
    return rows[0] ? `${rows[0].seed}/${rows[0].participants}` : null;
  } finally {
    await client.end();
  }
}

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
  const urls = databaseUrls(adminUrl, testEnv.databasePrefix);
  const migrations = Object.fromEntries(SUBGRAPH_NAMES.map((n) => [n, SUBGRAPH_SERVICES[n].migrations]));
  await migrateDatabases(urls, adminUrl, migrations as Parameters<typeof migrateDatabases>[2]);
  const wanted = `${testEnv.seed}/${testEnv.participants}`;
  const runs = await Promise.all(SUBGRAPH_NAMES.map((name) => seedRun(urls[name])));
  if (!runs.every((run) => run === wanted)) {
    await seedDatabases(urls, { participants: testEnv.participants, seed: testEnv.seed });
  }
  publishDatabaseUrls(urls);
  console.log(`\n[test] databases ready in ${((Date.now() - started) / 1000).toFixed(1)} s (${wanted})`);
}
