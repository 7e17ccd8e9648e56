import { isProduction, readAuthEnv, type AuthSettings } from "@lib/auth/auth-env";
import { EnvReader, isDevelopment, type Environment } from "@lib/env/env";
import { DEFAULT_JOB_CENTERS_URL } from "@lib/mutation/ask-owner";
import { databaseName, type SubgraphDeclaration } from "@lib/subgraph/declaration";

/** Port of the embedded PostgreSQL that `npm start` runs; a subgraph started on its own looks for its database there. */
export const EMBEDDED_PG_PORT = 54329;

/** What every subgraph service reads from its environment (see `.env.example`). */
export interface SubgraphEnv {
  port: number;
  host: string;
  /** This subgraph's own database. */
  databaseUrl: string;
  development: boolean;
  poolSize: number;
  logSql: boolean;
  auth: AuthSettings;
  /** job-centers' GraphQL endpoint (`JOB_CENTERS_URL`): the other agencies ask it whether a participant exists. */
  jobCentersUrl: string;
}

export function readSubgraphEnv(env: Environment, subgraph: SubgraphDeclaration): SubgraphEnv {
  const read = new EnvReader(env);
  const embeddedUrl = `postgres://postgres:postgres@127.0.0.1:${EMBEDDED_PG_PORT}/${databaseName(subgraph)}`;
  return read.done({
    port: read.num("PORT", subgraph.defaultPort),
    host: read.str("HOST", "0.0.0.0"),
    databaseUrl: read.str("DATABASE_URL", embeddedUrl),
    development: isDevelopment(env),
    poolSize: read.num("DB_POOL_SIZE", 10, { min: 1, max: 200 }),
    logSql: read.bool("LOG_SQL", false),
    auth: readAuthEnv(read, isProduction(env.NODE_ENV)),
    jobCentersUrl: read.url("JOB_CENTERS_URL", read.optional("JOB_CENTERS_URL") ?? DEFAULT_JOB_CENTERS_URL),
  });
}
