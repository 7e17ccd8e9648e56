import path from "node:path";
import { envInt, envString } from "@lib/config/env";
import { PROJECT_ROOT } from "@lib/config/paths";
import type { DatabaseUrls } from "@lib/platform/prepare-databases";

/**
 * Settings of the test run; the only place tests read `process.env`. With DATABASE_URL the tests use that server
 * (databases `${TEST_DATABASE_PREFIX}_*`), otherwise an embedded PostgreSQL under `.data/test-postgres`.
 */
export const testEnv = {
  databaseUrl: process.env.DATABASE_URL || null,
  databasePrefix: envString(process.env, "TEST_DATABASE_PREFIX", "njsp_test"),
  pgPort: envInt(process.env, "TEST_PG_PORT", 54339, 1024),
  dataDir: path.join(PROJECT_ROOT, ".data", "test-postgres"),
  participants: envInt(process.env, "TEST_PARTICIPANTS", 20000, 3000, 1_000_000),
  seed: envString(process.env, "TEST_SEED", "njsp-2022"),
};

/** Set by the global setup for the test workers: where the four seeded databases are. */
const URLS_VARIABLE = "NJSP_TEST_DATABASE_URLS";

export function publishDatabaseUrls(urls: DatabaseUrls): void {
  process.env[URLS_VARIABLE] = JSON.stringify(urls);
}

export function testDatabaseUrls(): DatabaseUrls {
  const raw = process.env[URLS_VARIABLE];
  if (!raw) throw new Error("test databases are not set up (run the tests through jest's global setup)");
  return JSON.parse(raw) as DatabaseUrls;
}
