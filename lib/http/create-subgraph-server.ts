import type { GraphQLSchema } from "graphql";
import type { DataSource, MixedList } from "typeorm";
import { createDataSource, warmPool } from "../db/data-source";
import { SqlStatementCounter } from "../db/sql-counter";
import { buildSubgraphServer, type SubgraphServer } from "./subgraph-server";

const DEFAULT_POOL_SIZE = 10;

/** Options every subgraph's `server.ts` accepts. */
export interface SubgraphServiceOptions {
  /** This subgraph's own database (already migrated). */
  databaseUrl: string;
  /** Error details in responses; never in production. */
  development?: boolean;
  /** Database connections in the pool (default 10). */
  poolSize?: number;
  /** Print every SQL statement. */
  logSql?: boolean;
}

/** What a subgraph is made of; `createSubgraphServer` wires it to the shared database and HTTP layers. */
export interface SubgraphDefinition<L> {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function>;
  buildSchema(): Promise<GraphQLSchema>;
  createLoaders(db: DataSource): L;
}

export interface SubgraphServerHandle extends SubgraphServer {
  /** Statements sent to the database so far (also served as `sql_statements_total` on /metrics). */
  sqlCounter: SqlStatementCounter;
}

/** Connects to the database and builds the schema; the returned server is not listening yet. */
export async function createSubgraphServer<L>(
  definition: SubgraphDefinition<L>,
  options: SubgraphServiceOptions,
): Promise<SubgraphServerHandle> {
  const sqlCounter = new SqlStatementCounter();
  const dataSource = createDataSource({
    url: options.databaseUrl,
    entities: definition.entities,
    migrations: [],
    poolSize: options.poolSize ?? DEFAULT_POOL_SIZE,
    logSql: options.logSql,
    counter: sqlCounter,
  });
  const [schema] = await Promise.all([definition.buildSchema(), dataSource.initialize()]);
  await warmPool(dataSource, options.poolSize ?? DEFAULT_POOL_SIZE);
  const server = buildSubgraphServer({
    name: definition.name,
    schema,
    dataSource,
    sqlCounter,
    development: options.development,
    createContext: () => ({ db: dataSource, loaders: definition.createLoaders(dataSource) }),
  });
  return { ...server, sqlCounter };
}
