import { loadavg } from "node:os";
import path from "node:path";
import { ensureLocalKeys, signToken } from "@lib/auth/dev-keys";
import { startEmbeddedPostgres, type RunningPostgres } from "@lib/platform/embedded-postgres";
import { readLauncherEnv } from "../../scripts/env";
import { metricsUrlOf } from "../metrics";
import { freePorts, launchSystem } from "../system";
import { measureWrites } from "./measure-writes";
import { dropScratchCopy, makeScratchCopy } from "./scratch-copy";
import type { SignToken } from "./write-tokens";
import type { WriteResults, WriteSizes } from "./write-types";

export interface WritePhaseOptions {
  /** What the read system's launcher got on top of the harness's environment (its `DATA_DIR`, …): the data to copy. */
  launcherEnv: Record<string, string>;
  participants: number;
  sizes: WriteSizes;
  log: (line: string) => void;
}

/**
 * The write phase of `npm run bench`, after the read rounds, once the read system is stopped: the seeded databases
 * are copied (on `DATABASE_URL`'s server, or on the embedded PostgreSQL of the read system's data directory, started
 * here on a free port), a second system is launched over the copy with the same keys, the writes are measured, and
 * the system and the copy are dropped. The read workloads' data is never written to.
 */
export async function runWritePhase(options: WritePhaseOptions): Promise<WriteResults> {
  const { log } = options;
  const loadBefore = loadavg();
  const env = { ...process.env, ...options.launcherEnv };
  const launcher = readLauncherEnv(env);
  if (launcher.subgraphDatabaseUrls)
    throw new Error("the write phase copies databases of one server: unset the four <SUBGRAPH>_DATABASE_URL");
  let postgres: RunningPostgres | null = null;
  if (launcher.databaseUrl === null) {
    const [port] = await freePorts(1);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(launcher.dataDir, "postgres"), port });
  }
  const adminUrl = launcher.databaseUrl ?? postgres!.adminUrl;
  try {
    log(`writes: copying the seeded databases (${launcher.databasePrefix}_*) to a scratch copy`);
    const scratch = await makeScratchCopy(adminUrl, launcher.databasePrefix);
    try {
      log(`writes: starting a system over the scratch copy (${scratch.prefix}_*)`);
      const system = await launchSystem({
        participants: options.participants,
        env: { DATABASE_URL: adminUrl, DATABASE_PREFIX: scratch.prefix, DATA_DIR: launcher.dataDir },
      });
      try {
        const keys = await ensureLocalKeys(path.join(launcher.dataDir, "auth"));
        const sign: SignToken = (role, org, sub) =>
          signToken(keys, { role, org, sub, name: `${role.toLowerCase()} ${sub}`, ...launcher.tokens });
        const measured = await measureWrites(
          {
            gatewayUrl: system.gatewayUrl,
            metricsUrls: { gateway: metricsUrlOf(system.gatewayUrl), ...system.subgraphMetricsUrls },
            databaseUrls: scratch.urls,
            sign,
            transport: env.NATS_URL ? "nats" : "peers",
          },
          options.sizes,
          log,
        );
        return {
          data: { scratchPrefix: scratch.prefix, copiedFrom: launcher.databasePrefix, participants: options.participants },
          sizes: options.sizes,
          ...measured,
          loadAverage: { before: loadBefore, after: loadavg() },
        };
      } finally {
        await system.stop();
      }
    } finally {
      await dropScratchCopy(adminUrl, scratch.prefix);
    }
  } finally {
    await postgres?.stop();
  }
}
