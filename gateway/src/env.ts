import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { isProduction, readAuthEnv, type AuthSettings } from "@lib/auth/auth-env";
import { EnvReader, isDevelopment, type Environment } from "@lib/env/env";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";

/**
 * The gateway's configuration, read once from the environment. This module is the only place in `gateway/` that
 * reads `process.env`, so every knob the gateway has is listed here.
 */
export interface GatewayEnv {
  /** `PORT`, default 4000. 0 picks a free port. */
  port: number;
  /** `HOST`, default `0.0.0.0` (all interfaces, as a container needs). */
  host: string;
  /** `NODE_ENV` as given, default `production`. */
  nodeEnv: string;
  /** True only for `NODE_ENV=development`: error responses then carry stack traces and causes. */
  development: boolean;
  /** `SUPERGRAPH_PATH`, absolute; default `schema/supergraph.graphql` under the project root. */
  supergraphPath: string;
  /** `<ENVPREFIX>_URL` per subgraph (e.g. `JOB_CENTERS_URL`), default `http://localhost:<defaultPort>/graphql`. */
  subgraphUrls: Record<SubgraphName, string>;
  /** `SUBGRAPH_TIMEOUT_MS`, default 10000: a subgraph request still unanswered after this is abandoned. */
  subgraphTimeoutMs: number;
  /** `AUTH_*` and `GATEWAY_SECRET`: how users' tokens are verified, and the gateway's credential (lib/auth/auth-env.ts). */
  auth: AuthSettings;
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = "0.0.0.0";
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
export const DEFAULT_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");

export function defaultSubgraphUrl(subgraph: { defaultPort: number }): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}

/** Reads and validates the gateway's environment; throws an `EnvError` listing every bad value at once. */
export function readGatewayEnv(env: Environment = process.env): GatewayEnv {
  const read = new EnvReader(env);
  const supergraphPath = read.optional("SUPERGRAPH_PATH");
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_LIST.map((subgraph) => [subgraph.name, read.url(subgraphVariable(subgraph, "URL"), defaultSubgraphUrl(subgraph))]),
  ) as Record<SubgraphName, string>;
  return read.done({
    port: read.num("PORT", DEFAULT_PORT),
    host: read.str("HOST", DEFAULT_HOST),
    nodeEnv: read.str("NODE_ENV", "production"),
    development: isDevelopment(env),
    supergraphPath: supergraphPath ? path.resolve(supergraphPath) : DEFAULT_SUPERGRAPH_PATH,
    subgraphUrls,
    subgraphTimeoutMs: read.num("SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS, { min: 1, max: 600_000 }),
    auth: readAuthEnv(read, isProduction(read.optional("NODE_ENV") ?? "production")),
  });
}
