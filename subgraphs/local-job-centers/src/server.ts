import { createSubgraphServer, type SubgraphServiceOptions } from "@lib/http/create-subgraph-server";
import { createLoaders } from "./context";
import { entities } from "./entities";
import { buildLocalJobCentersSchema } from "./schema";

/** The local government job centers' subgraph, connected to its database and ready to listen. */
export function createLocalJobCentersServer(options: SubgraphServiceOptions) {
  return createSubgraphServer({ name: "local-job-centers", entities, buildSchema: buildLocalJobCentersSchema, createLoaders }, options);
}
