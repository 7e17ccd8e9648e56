// first: tracing must patch http, graphql and pg before anything loads them
import "./tracing";
import { readSubgraphEnv } from "@lib/config/subgraph-env";
import { EnvError } from "@lib/env/env";
import { runSubgraph } from "@lib/http/run-subgraph";
import { isSubgraphName, SUBGRAPH_NAMES, SUBGRAPHS } from "./registry";

/**
 * The process of one subgraph, chosen by name: `node dist/subgraphs/bin.js job-centers` (or `SUBGRAPH=job-centers`).
 * Exit codes: 0 stopped by a signal, 1 failed to start, 2 unknown subgraph or bad environment.
 */
const name = process.argv[2] ?? process.env.SUBGRAPH ?? "";
if (!isSubgraphName(name)) {
  console.error(`usage: subgraphs/bin.js <name>; name is one of ${SUBGRAPH_NAMES.join(", ")}${name ? ` (got "${name}")` : ""}`);
  process.exit(2);
}
try {
  void runSubgraph(SUBGRAPHS[name], readSubgraphEnv(process.env, SUBGRAPHS[name]));
} catch (error) {
  console.error(`[${name}] ${error instanceof EnvError ? error.message : String(error)}`);
  process.exit(2);
}
