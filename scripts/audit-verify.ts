import { existsSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { verifyDatabase, type ChainReport } from "@lib/audit/verify-chain";
import { embeddedAdminUrl, startEmbeddedPostgres } from "@lib/platform/embedded-postgres";
import { databaseUrls } from "@lib/platform/prepare-databases";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";
import { readLauncherEnv, type LauncherEnv } from "./env";

/**
 * `npm run audit:verify`: checks the hash chain of each agency's access log (lib/audit/verify-chain.ts) and prints,
 * per subgraph, the rows checked and the head hash, to be recorded elsewhere as an anchor: a chain rewritten from
 * some row on is consistent again, and only a head kept outside the database tells. Finds the databases as
 * `npm start` does: the four <SUBGRAPH>_DATABASE_URL, or DATABASE_URL's server, or the embedded PostgreSQL (started
 * here for the check when `npm start` is not running). Reads only.
 * Exit code: 0 every chain intact; 1 a chain broken (its first broken row is named), whatever else; 2 a database not
 * readable (and no chain broken).
 */
const log = (line: string) => console.log(`[audit] ${line}`);

interface Databases {
  urls: Record<SubgraphName, string>;
  stop(): Promise<void>;
}

async function findDatabases(env: LauncherEnv): Promise<Databases> {
  const none = () => Promise.resolve();
  if (env.subgraphDatabaseUrls) return { urls: env.subgraphDatabaseUrls, stop: none };
  if (env.databaseUrl) return { urls: databaseUrls(SUBGRAPH_LIST, env.databaseUrl, env.databasePrefix), stop: none };
  const adminUrl = embeddedAdminUrl(env.pgPort);
  if (await reachable(adminUrl)) return { urls: databaseUrls(SUBGRAPH_LIST, adminUrl, env.databasePrefix), stop: none };
  const dataDir = path.join(env.dataDir, "postgres");
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    throw new Error(`no PostgreSQL on port ${env.pgPort} and no embedded data in ${dataDir}: run npm start first, or set DATABASE_URL`);
  }
  const embedded = await startEmbeddedPostgres({ dataDir, port: env.pgPort });
  return { urls: databaseUrls(SUBGRAPH_LIST, embedded.adminUrl, env.databasePrefix), stop: () => embedded.stop() };
}

async function reachable(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

function describe(name: string, report: ChainReport): string {
  const label = `${name.padEnd(18)} ${String(report.rows).padStart(9)} rows checked`;
  if (report.broken) return `${label}  BROKEN at row ${report.broken.rowId} of ${name}: ${report.broken.reason}`;
  const line = `${label}  intact  head ${report.head ? `row ${report.head.id} ${report.head.hash}` : "(empty log)"}`;
  // with several chains (lib/db/access-log-chains.ts) every chain's head is an anchor to record
  const chains = report.heads && report.heads.length > 1 ? report.heads : [];
  return [line, ...chains.map((h) => `${name.padEnd(18)}   chain ${String(h.chain).padStart(2)} head row ${h.id} ${h.hash}`)].join(
    "\n[audit] ",
  );
}

async function main(): Promise<number> {
  const databases = await findDatabases(readLauncherEnv());
  let broken = false;
  let unreadable = false;
  try {
    for (const subgraph of SUBGRAPH_LIST) {
      try {
        const report = await verifyDatabase(databases.urls[subgraph.name]);
        log(describe(subgraph.name, report));
        broken ||= report.broken !== null;
      } catch (error) {
        // the message only: it names the database or the missing table, never a row's content
        log(`${subgraph.name.padEnd(18)} not readable: ${(error as Error).message.split("\n")[0]}`);
        unreadable = true;
      }
    }
  } finally {
    await databases.stop();
  }
  const exitCode = broken ? 1 : unreadable ? 2 : 0;
  log(exitCode === 0 ? "every chain is intact; record the head hashes above as anchors" : "verification FAILED");
  return exitCode;
}

main().then(
  (code) => (process.exitCode = code),
  (error: Error) => {
    console.error(`[audit] ${error.message}`);
    process.exitCode = 2;
  },
);
