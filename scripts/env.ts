import path from "node:path";
import { EMBEDDED_PG_PORT } from "@lib/config/subgraph-env";
import { PROJECT_ROOT } from "@lib/config/paths";
import { EnvReader, type Environment } from "@lib/env/env";
import { DEFAULT_DATABASE_PREFIX, subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST, SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { DEFAULT_AUDIENCE, DEFAULT_ISSUER } from "@lib/auth/auth-env";
import { readLogLevel } from "@lib/log/log-level";
import type { LogLevel } from "@lib/log/logger";

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
  /** `AUTH_ISSUER`, `AUTH_AUDIENCE`: what the development tokens the launcher and `npm run token` sign must carry. */
  tokens: { issuer: string; audience: string };
  /** Per-subgraph database URLs given directly (containers); all four or none. */
  subgraphDatabaseUrls: Record<SubgraphName, string> | null;
  /** `LOG_LEVEL` (default `info`), the launcher's own and, inherited, its services'. */
  logLevel: LogLevel;
}

export function readLauncherEnv(env: Environment = process.env): LauncherEnv {
  const read = new EnvReader(env);
  const direct = SUBGRAPH_LIST.map((subgraph) => read.optional(subgraphVariable(subgraph, "DATABASE_URL")));
  if (direct.some(Boolean) && !direct.every(Boolean)) {
    throw new Error("Set all four <SUBGRAPH>_DATABASE_URL variables or none of them.");
  }
  const byName = <T>(value: (name: SubgraphName, i: number) => T) =>
    Object.fromEntries(SUBGRAPH_NAMES.map((name, i) => [name, value(name, i)])) as Record<SubgraphName, T>;
  return read.done({
    databaseUrl: read.optional("DATABASE_URL") ?? null,
    databasePrefix: read.str("DATABASE_PREFIX", DEFAULT_DATABASE_PREFIX),
    pgPort: read.num("PG_PORT", EMBEDDED_PG_PORT, { min: 1024 }),
    dataDir: path.resolve(PROJECT_ROOT, read.str("DATA_DIR", ".data")),
    seedParticipants: read.num("SEED_PARTICIPANTS", 20000, { min: 1, max: 10_000_000 }),
    seed: read.str("SEED", "njsp-2022"),
    host: read.str("HOST", "127.0.0.1"),
    gatewayPort: read.num("GATEWAY_PORT", 4000),
    subgraphPorts: byName((_name, i) => read.num(subgraphVariable(SUBGRAPH_LIST[i], "PORT"), SUBGRAPH_LIST[i].defaultPort)),
    nodeEnv: read.str("NODE_ENV", "production"),
    tokens: { issuer: read.str("AUTH_ISSUER", DEFAULT_ISSUER), audience: read.str("AUTH_AUDIENCE", DEFAULT_AUDIENCE) },
    subgraphDatabaseUrls: direct.every(Boolean) ? byName((_name, i) => direct[i] as string) : null,
    logLevel: readLogLevel(read),
  });
}
