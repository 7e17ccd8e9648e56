import { createSubgraphServer, type SubgraphServiceOptions } from "@lib/http/create-subgraph-server";
import { createLoaders } from "./context";
import { entities } from "./entities";
import { buildWelfarePartnersSchema } from "./schema";

/** The welfare partners (복지기관)' subgraph, connected to its database and ready to listen. */
export function createWelfarePartnersServer(options: SubgraphServiceOptions) {
  return createSubgraphServer({ name: "welfare-partners", entities, buildSchema: buildWelfarePartnersSchema, createLoaders }, options);
}
