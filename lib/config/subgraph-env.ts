import type { SubgraphInfo } from "../subgraph-names";
import { envBool, envInt, envString, isDevelopment, type Environment } from "./env";

/** What every subgraph service reads from its environment (see `.env.example`). */
export interface SubgraphEnv {
  port: number;
  host: string;
  /** This subgraph's own database. */
  databaseUrl: string;
  development: boolean;
  poolSize: number;
  logSql: boolean;
}

export function readSubgraphEnv(env: Environment, info: SubgraphInfo): SubgraphEnv {
  return {
    port: envInt(env, "PORT", info.defaultPort),
    host: envString(env, "HOST", "0.0.0.0"),
    databaseUrl: envString(env, "DATABASE_URL", `postgres://postgres:postgres@127.0.0.1:54329/njsp_${info.database}`),
    development: isDevelopment(env),
    poolSize: envInt(env, "DB_POOL_SIZE", 10, 1, 200),
    logSql: envBool(env, "LOG_SQL", false),
  };
}
