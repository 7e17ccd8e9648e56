import path from "node:path";
import { envInt, envString, type Environment } from "@lib/config/env";
import { PROJECT_ROOT } from "@lib/config/paths";
import { DEFAULT_DATABASE_PREFIX, SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@lib/subgraph-names";

/** Settings of the launcher (`npm start`), the seeder and the setup script; the only place they read `process.env`. */
export interface LauncherEnv {
  /** An external PostgreSQL server (any database on it the user may connect to); unset = embedded. */
  databaseUrl: string | null;
  databasePrefix: string;
  /** Port of the embedded PostgreSQL. */
  pgPort: number;
  /** Where the embedded PostgreSQL keeps its data. */
  dataDir: string;
  seedParticipants: number;
  seed: string;
  host: string;
  gatewayPort: number;
  subgraphPorts: Record<SubgraphName, number>;
  nodeEnv: string;
  /** Per-subgraph database URLs given directly (containers); all four or none. */
  subgraphDatabaseUrls: Record<SubgraphName, string> | null;
}

export function readLauncherEnv(env: Environment = process.env): LauncherEnv {
  const direct = SUBGRAPH_NAMES.map((name) => env[`${SUBGRAPHS[name].envPrefix}_DATABASE_URL`]);
  if (direct.some(Boolean) && !direct.every(Boolean)) {
    throw new Error("Set all four <SUBGRAPH>_DATABASE_URL variables or none of them.");
  }
  return {
    databaseUrl: env.DATABASE_URL || null,
    databasePrefix: envString(env, "DATABASE_PREFIX", DEFAULT_DATABASE_PREFIX),
    pgPort: envInt(env, "PG_PORT", 54329, 1024),
    dataDir: path.resolve(PROJECT_ROOT, envString(env, "DATA_DIR", ".data")),
    seedParticipants: envInt(env, "SEED_PARTICIPANTS", 20000, 1, 10_000_000),
    seed: envString(env, "SEED", "njsp-2022"),
    host: envString(env, "HOST", "127.0.0.1"),
    gatewayPort: envInt(env, "GATEWAY_PORT", 4000),
    subgraphPorts: Object.fromEntries(
      SUBGRAPH_NAMES.map((name) => [name, envInt(env, `${SUBGRAPHS[name].envPrefix}_PORT`, SUBGRAPHS[name].defaultPort)]),
    ) as Record<SubgraphName, number>,
    nodeEnv: envString(env, "NODE_ENV", "production"),
    subgraphDatabaseUrls: direct.every(Boolean)
      ? (Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, direct[i] as string])) as Record<SubgraphName, string>)
      : null,
  };
}
