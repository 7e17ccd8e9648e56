import type { GraphQLSchema } from "graphql";
import type { SubgraphServiceOptions, SubgraphServerHandle } from "@lib/http/create-subgraph-server";
import type { SubgraphName } from "@lib/subgraph-names";
import { migrations as jobCentersMigrations } from "./job-centers/src/migrations";
import { buildJobCentersSchema } from "./job-centers/src/schema";
import { createJobCentersServer } from "./job-centers/src/server";
import { migrations as localMigrations } from "./local-job-centers/src/migrations";
import { buildLocalJobCentersSchema } from "./local-job-centers/src/schema";
import { createLocalJobCentersServer } from "./local-job-centers/src/server";
import { migrations as saeilMigrations } from "./saeil-centers/src/migrations";
import { buildSaeilCentersSchema } from "./saeil-centers/src/schema";
import { createSaeilCentersServer } from "./saeil-centers/src/server";
import { migrations as welfareMigrations } from "./welfare-partners/src/migrations";
import { buildWelfarePartnersSchema } from "./welfare-partners/src/schema";
import { createWelfarePartnersServer } from "./welfare-partners/src/server";

/** What the tooling (schema compose, launcher, tests) needs of each subgraph. */
export interface SubgraphService {
  buildSchema(): Promise<GraphQLSchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  createServer(options: SubgraphServiceOptions): Promise<SubgraphServerHandle>;
}

export const SUBGRAPH_SERVICES: Record<SubgraphName, SubgraphService> = {
  "job-centers": { buildSchema: buildJobCentersSchema, migrations: jobCentersMigrations, createServer: createJobCentersServer },
  "local-job-centers": { buildSchema: buildLocalJobCentersSchema, migrations: localMigrations, createServer: createLocalJobCentersServer },
  "saeil-centers": { buildSchema: buildSaeilCentersSchema, migrations: saeilMigrations, createServer: createSaeilCentersServer },
  "welfare-partners": { buildSchema: buildWelfarePartnersSchema, migrations: welfareMigrations, createServer: createWelfarePartnersServer },
};

/** Every subgraph's migrations, as `migrateDatabases` takes them. */
export const SUBGRAPH_MIGRATIONS = Object.fromEntries(
  Object.entries(SUBGRAPH_SERVICES).map(([name, service]) => [name, service.migrations]),
) as Record<SubgraphName, SubgraphService["migrations"]>;
