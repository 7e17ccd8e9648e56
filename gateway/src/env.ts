import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { SUBGRAPH_NAMES, SUBGRAPHS, type SubgraphName } from "@lib/subgraph-names";

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
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = "0.0.0.0";
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
export const DEFAULT_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");

/** Thrown by {@link readGatewayEnv} with every problem found, so one start-up attempt reports them all. */
export class GatewayEnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid gateway environment:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "GatewayEnvError";
  }
}

/** The environment variable holding the URL of subgraph `name`, e.g. `WELFARE_PARTNERS_URL`. */
export function subgraphUrlVariable(name: SubgraphName): string {
  return `${SUBGRAPHS[name].envPrefix}_URL`;
}

export function defaultSubgraphUrl(name: SubgraphName): string {
  return `http://localhost:${SUBGRAPHS[name].defaultPort}/graphql`;
}

/** Reads and validates the gateway's environment; throws a {@link GatewayEnvError} listing all bad values. */
export function readGatewayEnv(env: NodeJS.ProcessEnv = process.env): GatewayEnv {
  const problems: string[] = [];
  // An empty value counts as unset: `FOO=` in a compose file or .env usually means "use the default".
  const get = (key: string): string | undefined => {
    const value = env[key]?.trim();
    return value ? value : undefined;
  };

  const integer = (key: string, fallback: number, min: number, max: number): number => {
    const raw = get(key);
    if (raw === undefined) return fallback;
    const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      problems.push(`${key} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
      return fallback;
    }
    return value;
  };

  const port = integer("PORT", DEFAULT_PORT, 0, 65535);
  const subgraphTimeoutMs = integer("SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS, 1, 600_000);
  const host = get("HOST") ?? DEFAULT_HOST;
  const nodeEnv = get("NODE_ENV") ?? "production";
  const supergraphRaw = get("SUPERGRAPH_PATH");
  const supergraphPath = supergraphRaw ? path.resolve(supergraphRaw) : DEFAULT_SUPERGRAPH_PATH;

  const subgraphUrls = {} as Record<SubgraphName, string>;
  for (const name of SUBGRAPH_NAMES) {
    const key = subgraphUrlVariable(name);
    const raw = get(key);
    subgraphUrls[name] = defaultSubgraphUrl(name);
    if (raw === undefined) continue;
    const problem = checkHttpUrl(raw);
    if (problem) problems.push(`${key} ${problem} (got ${JSON.stringify(raw)})`);
    else subgraphUrls[name] = raw;
  }

  if (problems.length) throw new GatewayEnvError(problems);
  return { port, host, nodeEnv, development: nodeEnv === "development", supergraphPath, subgraphUrls, subgraphTimeoutMs };
}

function checkHttpUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be an absolute URL such as http://job-centers:4001/graphql";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "must be an http:// or https:// URL";
  return undefined;
}
