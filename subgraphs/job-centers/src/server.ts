import { createSubgraphServer, type SubgraphServiceOptions } from "@lib/http/create-subgraph-server";
import { createLoaders } from "./context";
import { entities } from "./entities";
import { buildJobCentersSchema } from "./schema";

/** The employment centers' subgraph, connected to its database and ready to listen. */
export function createJobCentersServer(options: SubgraphServiceOptions) {
  return createSubgraphServer({ name: "job-centers", entities, buildSchema: buildJobCentersSchema, createLoaders }, options);
}
