import { readSubgraphEnv } from "@lib/config/subgraph-env";
import { SUBGRAPHS } from "@lib/subgraph-names";

/** The saeil-centers service's settings; the only place it reads `process.env`. */
export const env = readSubgraphEnv(process.env, SUBGRAPHS["saeil-centers"]);
