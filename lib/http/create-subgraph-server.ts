import { ParticipantReads } from "@lib/audit/participant-reads";
import { recordParticipantReads } from "@lib/audit/record-participant-reads";
import { subgraphRequestTrace } from "@lib/audit/request-trace";
import type { AuthSettings } from "@lib/auth/auth-env";
import { callerOf } from "@lib/auth/bearer";
import { GATEWAY_CREDENTIAL_HEADER, isGatewayCredential } from "@lib/auth/gateway-credential";
import { createTokenVerifier } from "@lib/auth/verify-token";
import { createDataSource, warmPool } from "@lib/db/data-source";
import { SqlStatementCounter } from "@lib/db/sql-counter";
import { DEFAULT_JOB_CENTERS_URL } from "@lib/mutation/ask-owner";
import type { SubgraphDeclaration } from "@lib/subgraph/declaration";
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
  /** How callers are verified: users' tokens, and the gateway's credential. */
  auth: AuthSettings;
  /** job-centers' GraphQL endpoint, which the other agencies ask whether a participant exists (default {@link DEFAULT_JOB_CENTERS_URL}). */
  jobCentersUrl?: string;
}

export interface SubgraphServerHandle extends SubgraphServer {
  /** Statements sent to the database so far (also served as `sql_statements_total` on /metrics). */
  sqlCounter: SqlStatementCounter;
}

/** Loads the subgraph's parts, connects to its database and builds the schema; the server is not listening yet. */
export async function createSubgraphServer(subgraph: SubgraphDeclaration, options: SubgraphServiceOptions): Promise<SubgraphServerHandle> {
  const poolSize = options.poolSize ?? DEFAULT_POOL_SIZE;
  const verify = createTokenVerifier(options.auth.tokens);
  const sqlCounter = new SqlStatementCounter();
  const [entities, createLoaders] = await Promise.all([subgraph.entities(), subgraph.loaders()]);
  const dataSource = createDataSource({
    url: options.databaseUrl,
    entities,
    migrations: [],
    poolSize,
    logSql: options.logSql,
    counter: sqlCounter,
  });
  const [built] = await Promise.all([subgraph.schema(), dataSource.initialize()]);
  // every read of a participant's personal data is noted per request and logged once, as the response is sent
  const schema = recordParticipantReads(built);
  await warmPool(dataSource, poolSize);
  const server = buildSubgraphServer({
    name: subgraph.name,
    schema,
    dataSource,
    sqlCounter,
    development: options.development,
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
  return { ...server, sqlCounter };
}
