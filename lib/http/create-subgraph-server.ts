import { ParticipantReads } from "@lib/audit/participant-reads";
import { recordParticipantReads } from "@lib/audit/record-participant-reads";
import { subgraphRequestTrace } from "@lib/audit/request-trace";
import type { AuthSettings } from "@lib/auth/auth-env";
import { callerOf } from "@lib/auth/bearer";
import { GATEWAY_CREDENTIAL_HEADER, isGatewayCredential } from "@lib/auth/gateway-credential";
import { createTokenVerifier } from "@lib/auth/verify-token";
import { cancellableQueries } from "@lib/db/cancel-abandoned-queries";
import { createDataSource, initializeWithRetries, warmPool } from "@lib/db/data-source";
import { usePreparedStatements } from "@lib/db/prepared-statements";
import { SqlStatementCounter } from "@lib/db/sql-counter";
import { createLogger, type Logger } from "@lib/log/logger";
import { DEFAULT_JOB_CENTERS_URL } from "@lib/mutation/ask-owner";
import type { SubgraphDeclaration } from "@lib/subgraph/declaration";
import { startEvents, type EventsConfig, type RunningEvents } from "@lib/events/start-events";
import { buildSubgraphServer, type SubgraphServer } from "./subgraph-server";

const DEFAULT_POOL_SIZE = 10;

/** How to run a subgraph: its database and the knobs of its environment. */
export interface SubgraphServiceOptions {
  /** This subgraph's own database (already migrated). */
  databaseUrl: string;
  /** Error details in responses; never in production. */
  development?: boolean;
  /** Database connections in the pool (default 10). */
  poolSize?: number;
  /** Print every SQL statement. */
  logSql?: boolean;
  /** PostgreSQL `statement_timeout` of every connection, ms; default none (lib/db/data-source.ts). */
  statementTimeoutMs?: number;
  /** Cancel a request's running SQL when its caller disconnects (default true; lib/db/cancel-abandoned-queries.ts). */
  cancelAbandonedQueries?: boolean;
  /** Parameterised SQL as named prepared statements, parsed once per connection (default true; lib/db/prepared-statements.ts). */
  preparedStatements?: boolean;
  /** How callers are verified: users' tokens, and the gateway's credential. */
  auth: AuthSettings;
  /** How this agency's events reach the others and theirs reach it (lib/events/start-events.ts); default off. */
  events?: EventsConfig;
  /** Where it logs (JSON lines, lib/log/logger.ts); default `info` and above on stdout. */
  logger?: Logger;
  /** One log line per request (default false; the service turns it on with LOG_REQUESTS). */
  logRequests?: boolean;
  /** job-centers' GraphQL endpoint, which the other agencies ask whether a participant exists (default {@link DEFAULT_JOB_CENTERS_URL}). */
  jobCentersUrl?: string;
}

export interface SubgraphServerHandle extends SubgraphServer {
  /** Statements sent to the database so far (also served as `sql_statements_total` on /metrics). */
  sqlCounter: SqlStatementCounter;
  /** The events' relay and consumer, when events are on. */
  events: RunningEvents | null;
}

/** Loads the subgraph's parts, connects to its database and builds the schema; the server is not listening yet. */
export async function createSubgraphServer(subgraph: SubgraphDeclaration, options: SubgraphServiceOptions): Promise<SubgraphServerHandle> {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const verify = createTokenVerifier(options.auth.tokens);
  const sqlCounter = new SqlStatementCounter();
  const logger = options.logger ?? createLogger(subgraph.name);
  const [entities, createLoaders] = await Promise.all([subgraph.entities(), subgraph.loaders()]);
  const dataSource = createDataSource({
    url: options.databaseUrl,
    entities,
    migrations: [],
    poolSize,
    logSql: options.logSql,
    logger,
    statementTimeoutMs: options.statementTimeoutMs,
    counter: sqlCounter,
  });
  // connected before the schema is built, not during: building it holds the event loop for seconds on a loaded
  // machine, long enough for the connection's 3 s timer to fire before its answer is read (start-up then failed with
  // "Connection terminated due to connection timeout"); a database still starting is tried again with backoff
  await initializeWithRetries(dataSource, logger);
  if (options.preparedStatements !== false) usePreparedStatements(dataSource);
  const built = await subgraph.schema();
  // every read of a participant's personal data is noted per request and logged once, as the response is sent
  const schema = recordParticipantReads(built);
  // a machine busy at start-up may take longer than the connect timeout to open them all: the pool then opens the
  // rest on demand, which is no reason to refuse to start
  await warmPool(dataSource, poolSize).catch((error: Error) => logger.warn({ reason: error.message }, "pool not warmed at start"));
  const events =
    options.events && options.events.kind !== "off"
      ? await startEvents({
          subgraph: subgraph.name,
          databaseUrl: options.databaseUrl,
          db: dataSource,
          effects: (await subgraph.eventEffects?.()) ?? {},
          secret: options.auth.gatewaySecret,
          config: options.events,
          log: (line) => logger.warn(line),
        })
      : null;
  const server = buildSubgraphServer({
    name: subgraph.name,
    schema,
    dataSource,
    sqlCounter,
    development: options.development,
    extraRoutes: events?.route ? { "/events": events.route } : {},
    beforeStop: () => events?.stop(),
    logger,
    logRequests: options.logRequests,
    abandonableWork: options.cancelAbandonedQueries === false ? undefined : cancellableQueries(dataSource, options.databaseUrl),
    createContext: async (request) => {
      const credential = request.headers[GATEWAY_CREDENTIAL_HEADER];
      const { viewer } = await callerOf(request.headers.authorization, verify);
      const viaGateway = isGatewayCredential(typeof credential === "string" ? credential : undefined, options.auth.gatewaySecret);
      const trace = subgraphRequestTrace(request.headers, viaGateway, request.socket.remoteAddress);
      return {
        db: dataSource,
        subgraph: subgraph.name,
        loaders: createLoaders(dataSource),
        viewer,
        viaGateway,
        trace,
        participantReads: new ParticipantReads(),
        jobCenters: {
          url: options.jobCentersUrl ?? DEFAULT_JOB_CENTERS_URL,
          gatewaySecret: options.auth.gatewaySecret,
          authorization: request.headers.authorization,
          requestId: trace.requestId,
        },
      };
    },
  });
  return { ...server, sqlCounter, events };
}
