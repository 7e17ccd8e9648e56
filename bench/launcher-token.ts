import path from "node:path";
import { ensureLocalKeys } from "@lib/auth/dev-keys";
import type { Environment } from "@lib/env/env";
import { databaseUrls } from "@lib/platform/prepare-databases";
import { SUBGRAPH_LIST } from "@subgraphs/registry";
import { readLauncherEnv, type LauncherEnv } from "../scripts/env";
import { counselorToken } from "../scripts/support/local-auth";
import { embeddedAdminUrl } from "@lib/platform/embedded-postgres";
import { configuredKeySources } from "@lib/auth/auth-env";

/**
 * The benchmark's identity. Personal fields need the `participant:read` scope and the subgraphs serve no caller
 * without a token, so every request the harness sends (to our gateway, to the peer, and the floor's straight to the
 * subgraphs) carries a counsellor's token: what a counsellor's browser sends is what is measured.
 */

/**
 * A token of the counsellor with the most participants, for a system the launcher started with `env` (the harness's
 * environment plus what it set: `DATA_DIR`, `PG_PORT`, …): signed with the keys the launcher made under
 * `<DATA_DIR>/auth`, as `npm start` does for the token it prints. The counsellor is read from job-centers' database
 * because the gateway serves no one's caseload before the harness has a token.
 * @throws when the launcher verifies tokens with an identity provider of the environment (`AUTH_*`): then only that
 * provider can issue one, and `--token` / `BENCH_TOKEN` must carry it.
 */
export async function launcherCounselorToken(env: Environment): Promise<{ token: string; who: string }> {
  const configured = configuredKeySources(env);
  if (configured.length) {
    throw new Error(
      `the launcher verifies tokens with ${configured.join(", ")} from the environment, so the harness cannot sign ` +
        "one: pass a counsellor's token with --token <jwt> or BENCH_TOKEN",
    );
  }
  const launcher = readLauncherEnv(env);
  const keys = await ensureLocalKeys(path.join(launcher.dataDir, "auth"));
  const counselor = await counselorToken(keys, jobCentersDatabaseUrl(launcher), launcher.tokens);
  if (!counselor) throw new Error("no counsellor with participants in job-centers' database: is it seeded?");
  return counselor;
}

/** job-centers' database as the launcher computes it (scripts/support/databases.ts). */
function jobCentersDatabaseUrl(launcher: LauncherEnv): string {
  if (launcher.subgraphDatabaseUrls) return launcher.subgraphDatabaseUrls["job-centers"];
  // the embedded server's admin URL (lib/platform/embedded-postgres.ts builds it inside startEmbeddedPostgres)
  const adminUrl = launcher.databaseUrl ?? embeddedAdminUrl(launcher.pgPort);
  return databaseUrls(SUBGRAPH_LIST, adminUrl, launcher.databasePrefix)["job-centers"];
}
