import path from "node:path";
import { EnvReader } from "@lib/env/env";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";
import type { SubgraphName } from "@subgraphs/registry";

/**
 * Settings of the test run; the only place tests read `process.env`. With DATABASE_URL the tests use that server
 * (databases `${TEST_DATABASE_PREFIX}_*`), otherwise an embedded PostgreSQL under `.data/test-postgres`.
 */
const env = new EnvReader(process.env);
export const testEnv = env.done({
  databaseUrl: env.optional("DATABASE_URL") ?? null,
  databasePrefix: env.str("TEST_DATABASE_PREFIX", "njsp_test"),
  pgPort: env.num("TEST_PG_PORT", 54339, { min: 1024 }),
  dataDir: path.join(PROJECT_ROOT, ".data", "test-postgres"),
  participants: env.num("TEST_PARTICIPANTS", 20000, { min: 3000, max: 1_000_000 }),
  seed: env.str("TEST_SEED", "njsp-2022"),
});

/** Set by the global setup for the test workers: where the four seeded databases are. */
const URLS_VARIABLE = "NJSP_TEST_DATABASE_URLS";

export function publishDatabaseUrls(urls: DatabaseUrls<SubgraphName>): void {
  process.env[URLS_VARIABLE] = JSON.stringify(urls);
}

export function testDatabaseUrls(): DatabaseUrls<SubgraphName> {
  const raw = process.env[URLS_VARIABLE];
  if (!raw) throw new Error("test databases are not set up (run the tests through jest's global setup)");
  return JSON.parse(raw) as DatabaseUrls<SubgraphName>;
}
