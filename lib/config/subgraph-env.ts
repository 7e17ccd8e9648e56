import { isProduction, readAuthEnv, type AuthSettings } from "@lib/auth/auth-env";
import { EnvReader, isDevelopment, type Environment } from "@lib/env/env";
import { readLogLevel } from "@lib/log/log-level";
import type { LogLevel } from "@lib/log/logger";
import { DEFAULT_JOB_CENTERS_URL } from "@lib/mutation/ask-owner";
import { databaseName, type SubgraphDeclaration } from "@lib/subgraph/declaration";
import type { EventsConfig } from "@lib/events/start-events";
import { DEFAULT_STREAM } from "@lib/events/nats-transport";

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
  /** `DB_STATEMENT_TIMEOUT_MS` (default 5000; 0 = none): PostgreSQL cancels a statement running longer. */
  statementTimeoutMs: number;
  /** `CANCEL_ABANDONED_QUERIES` (default true): a request's running SQL is cancelled when its caller disconnects. */
  cancelAbandonedQueries: boolean;
  /** `DATABASE_PREPARED_STATEMENTS` (default true): parameterised SQL as named prepared statements (lib/db/prepared-statements.ts). */
  preparedStatements: boolean;
  auth: AuthSettings;
  /** `NATS_URL` (+ `NATS_STREAM`): events through JetStream; else `EVENT_PEERS` (`name=url,…`, set by `npm start`); else off. */
  events: EventsConfig;
  /** `LOG_LEVEL` (default `info`) and `LOG_REQUESTS` (default true: one line per request). */
  logLevel: LogLevel;
  logRequests: boolean;
  /** job-centers' GraphQL endpoint (`JOB_CENTERS_URL`): the other agencies ask it whether a participant exists. */
  jobCentersUrl: string;
}

/**
 * Twice the gateway's default subgraph timeout (2.5 s): past it nobody waits for the answer. Generous, because the
 * cancel on disconnect stops abandoned work sooner; this bounds what a lost cancel or a direct caller can cost.
 */
export const DEFAULT_STATEMENT_TIMEOUT_MS = 5_000;

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
    statementTimeoutMs: read.num("DB_STATEMENT_TIMEOUT_MS", DEFAULT_STATEMENT_TIMEOUT_MS, { min: 0, max: 3_600_000 }),
    cancelAbandonedQueries: read.bool("CANCEL_ABANDONED_QUERIES", true),
    preparedStatements: read.bool("DATABASE_PREPARED_STATEMENTS", true),
    auth: readAuthEnv(read, isProduction(env.NODE_ENV)),
    events: readEventsEnv(read),
    logLevel: readLogLevel(read),
    logRequests: read.bool("LOG_REQUESTS", true),
    jobCentersUrl: read.url("JOB_CENTERS_URL", read.optional("JOB_CENTERS_URL") ?? DEFAULT_JOB_CENTERS_URL),
  });
}

function readEventsEnv(read: EnvReader): EventsConfig {
  const nats = read.optional("NATS_URL");
  const stream = read.str("NATS_STREAM", DEFAULT_STREAM);
  if (nats) return { kind: "broker", nats: { url: nats, stream } };
  const peers = read.optional("EVENT_PEERS");
  if (!peers) return { kind: "off" };
  return { kind: "peers", peers: Object.fromEntries(peers.split(",").map((pair) => pair.trim().split("=", 2) as [string, string])) };
}
