import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { PROJECT_ROOT } from "@lib/config/paths";
import { withDatabase } from "@lib/db/database-url";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { databaseUrls, migrateDatabases, type DatabaseUrls } from "@lib/platform/prepare-databases";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";
import { testDatabaseUrls, testEnv } from "./test-env";

const execFileAsync = promisify(execFile);

/**
 * Four databases of a test file's own, on the tests' server, migrated and seeded with a small demo (the press
 * release's figures hold from 3,000 participants up): for tests that write, so that the files reading the shared
 * databases in parallel never see their rows appear between two reads. Seeded afresh on every run, so each run
 * starts from the same records (the append-only access logs and the retry keys are kept, as in production). `seed`:
 * another seed than the tests' (the offices are the same for any number of participants, not for another seed).
 */
export async function scratchDatabases(name: string, participants = 3000, seed = testEnv.seed): Promise<DatabaseUrls<SubgraphName>> {
  const adminUrl = withDatabase(testDatabaseUrls()["job-centers"], "postgres");
  const urls = databaseUrls(SUBGRAPH_LIST, adminUrl, `${testEnv.databasePrefix}_${name}`);
  await migrateDatabases(SUBGRAPH_LIST, urls, adminUrl);
  // the seeder as a person runs it (`npm run seed`), in its own process: its name generator is an ES module that a
  // jest worker cannot load
  const env: NodeJS.ProcessEnv = { ...process.env, SEED: seed };
  for (const subgraph of SUBGRAPH_LIST) env[subgraphVariable(subgraph, "DATABASE_URL")] = urls[subgraph.name];
  await execFileAsync(process.execPath, [path.join(PROJECT_ROOT, "dist", "scripts", "seed.js"), "--participants", String(participants)], {
    env,
  });
  return urls;
}
