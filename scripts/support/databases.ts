import path from "node:path";
import { startEmbeddedPostgres, type RunningPostgres } from "@lib/platform/embedded-postgres";
import { databaseUrls, isSeeded, migrateDatabases, type DatabaseUrls } from "@lib/platform/prepare-databases";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";
import type { LauncherEnv } from "../env";
import { seedWithProgress } from "./seed-with-progress";
import { supervisePostgres } from "./supervise-postgres";

export interface ProvidedDatabases {
  urls: DatabaseUrls<SubgraphName>;
  /** Stops the embedded server, if one was started. */
  stop(): Promise<void>;
}

/** Reseed even when the databases hold data (`npm run seed`), with these settings. */
export interface Reseed {
  participants: number;
  seed: string;
}

/**
 * The four agency databases, ready to serve: on the server of DATABASE_URL, at four given URLs, or on an
 * embedded PostgreSQL started here; created if missing, migrated, and seeded with demo data if empty (or always,
 * with `reseed`, or on the embedded server after a migration).
 */
export async function provideDatabases(
  env: LauncherEnv,
  log: (line: string) => void,
  reseed?: Reseed,
  /** Told how to stop the embedded server as soon as it runs, so that a signal during migrations or seeding can. */
  onEmbeddedStarted?: (stop: () => Promise<void>) => void,
): Promise<ProvidedDatabases> {
  let embedded: RunningPostgres | null = null;
  let adminUrl: string | null = null;
  let urls: DatabaseUrls<SubgraphName>;
  if (env.subgraphDatabaseUrls) {
    urls = env.subgraphDatabaseUrls;
  } else {
    if (env.databaseUrl) {
      adminUrl = env.databaseUrl;
    } else {
      const started = Date.now();
      embedded = await startEmbeddedPostgres({ dataDir: path.join(env.dataDir, "postgres"), port: env.pgPort });
      adminUrl = embedded.adminUrl;
      log(`embedded PostgreSQL on 127.0.0.1:${env.pgPort} (data in ${env.dataDir}) in ${Date.now() - started} ms`);
      const running = embedded;
      onEmbeddedStarted?.(() => running.stop());
    }
    urls = databaseUrls(SUBGRAPH_LIST, adminUrl, env.databasePrefix);
  }
  try {
    const applied = await migrateDatabases(SUBGRAPH_LIST, urls, adminUrl);
    const count = Object.values(applied).flat().length;
    if (count > 0) log(`applied ${count} migration(s)`);
    // on the embedded demo server, a migration may add tables the seeder fills: demo data older than the schema is
    // made again (never on a configured server, whose data may be real)
    const stale = embedded !== null && count > 0 && (await isSeeded(urls));
    if (reseed || stale || !(await isSeeded(urls))) {
      const { participants, seed } = reseed ?? { participants: env.seedParticipants, seed: env.seed };
      log(`seeding demo data: ${participants} participants, seed "${seed}"`);
      const summary = await seedWithProgress(urls, participants, seed);
      const total = Object.values(summary.rows).reduce((a, b) => a + b, 0);
      log(`seeded ${total.toLocaleString("en")} rows in ${(summary.ms / 1000).toFixed(1)} s`);
      for (const [table, n] of Object.entries(summary.rows)) log(`  ${table.padEnd(24)} ${n.toLocaleString("en").padStart(12)}`);
    }
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  // a crash of the embedded server is the launcher's to repair; a configured server is someone else's
  const unsupervise = embedded ? supervisePostgres(embedded, log) : () => undefined;
  return {
    urls,
    stop: async () => {
      unsupervise();
      await embedded?.stop();
    },
  };
}
