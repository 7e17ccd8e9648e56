import { createSubgraphServer, type SubgraphServiceOptions } from "@lib/http/create-subgraph-server";
import { createLoaders } from "./context";
import { entities } from "./entities";
import { buildSaeilCentersSchema } from "./schema";

/** The women's reemployment centers (새일센터)' subgraph, connected to its database and ready to listen. */
export function createSaeilCentersServer(options: SubgraphServiceOptions) {
  return createSubgraphServer({ name: "saeil-centers", entities, buildSchema: buildSaeilCentersSchema, createLoaders }, options);
}
