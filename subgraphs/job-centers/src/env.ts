import { readSubgraphEnv } from "@lib/config/subgraph-env";
import { SUBGRAPHS } from "@lib/subgraph-names";

/** The job-centers service's settings; the only place it reads `process.env`. */
export const env = readSubgraphEnv(process.env, SUBGRAPHS["job-centers"]);
