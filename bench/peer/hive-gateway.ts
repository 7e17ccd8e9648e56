import { readFileSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { PROJECT_ROOT } from "@lib/config/paths";
import { EnvReader, type Environment } from "@lib/env/env";
import { reachableHost } from "@lib/http/service";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";
import { defaultSubgraphUrl } from "../../gateway/src/env";
import { benchTool } from "../tools";

/**
 * The benchmark's peer: the same supergraph served by Hive Gateway (`@graphql-hive/gateway`'s `createGatewayRuntime`)
 * on `node:http`, over the same running subgraphs, so that our gateway's numbers have something to be compared with.
 * Run as its own process (`node dist/bench/peer/hive-gateway.js`, started by `bench/peer.ts`), like our gateway.
 *
 * Configuration comparable to ours in production: no response cache (Hive's default), GraphiQL and landing page off,
 * error masking on (Hive's default), a 10 s timeout per subgraph request (ours: `SUBGRAPH_TIMEOUT_MS` = 10000), keep-alive
 * to the subgraphs as Hive does it by default, logging of errors only. Like ours it forwards the client's
 * `Authorization` to every subgraph, which verifies it and applies its own rules (the subgraphs serve no one without a
 * token or our gateway's credential, which the peer does not hold). It enforces none of the supergraph's
 * `@requiresScopes`/`@policy` itself (that takes Hive's `genericAuth`, left off): the subgraphs do, for both gateways.
 */

/** The client's headers the peer passes on to every subgraph call, as our gateway does (`gateway/src/data-source.ts`). */
export const PEER_FORWARDED_HEADERS = ["authorization"] as const;

/** Per subgraph request timeout, the same as our gateway's default (`SUBGRAPH_TIMEOUT_MS`). */
export const PEER_SUBGRAPH_TIMEOUT_MS = 10_000;

const JOIN_GRAPH = /@join__graph\(\s*name:\s*"([^"\\]+)"\s*,\s*url:\s*"([^"\\]*)"\s*\)/g;

/**
 * Replaces the URL of every `@join__graph(name: "...", url: "...")` of a supergraph SDL with `urls[name]`.
 * @throws when a subgraph of the SDL has no URL in `urls`, or `urls` names a subgraph the SDL does not have.
 */
export function rewriteSubgraphUrls(sdl: string, urls: Readonly<Record<string, string>>): string {
  const seen = new Set<string>();
  const rewritten = sdl.replace(JOIN_GRAPH, (_match, name: string) => {
    const url = urls[name];
    if (url === undefined) throw new Error(`no URL given for subgraph "${name}" of the supergraph`);
    seen.add(name);
    return `@join__graph(name: ${JSON.stringify(name)}, url: ${JSON.stringify(url)})`;
  });
  const unknown = Object.keys(urls).filter((name) => !seen.has(name));
  if (unknown.length) throw new Error(`subgraph(s) ${unknown.join(", ")} not found in the supergraph`);
  return rewritten;
}

/** The peer's settings, from the same variables as our gateway's. */
export interface PeerEnv {
  /** `PORT`, default 4100 (0 picks a free one). */
  port: number;
  /** `HOST`, default 127.0.0.1. */
  host: string;
  /** `SUPERGRAPH_PATH`, default `schema/supergraph.graphql` under the project root. */
  supergraphPath: string;
  /** `<ENVPREFIX>_URL` per subgraph (e.g. `JOB_CENTERS_URL`), default `http://localhost:<defaultPort>/graphql`. */
  subgraphUrls: Record<SubgraphName, string>;
  /** `SUBGRAPH_TIMEOUT_MS`, default 10000 as ours; 0 turns Hive's upstream timeout off. */
  subgraphTimeoutMs: number;
}

export function readPeerEnv(env: Environment = process.env): PeerEnv {
  const read = new EnvReader(env);
  const supergraphPath = read.optional("SUPERGRAPH_PATH");
  return read.done({
    port: read.num("PORT", 4100),
    host: read.str("HOST", "127.0.0.1"),
    supergraphPath: path.resolve(PROJECT_ROOT, supergraphPath ?? path.join("schema", "supergraph.graphql")),
    subgraphUrls: Object.fromEntries(
      SUBGRAPH_LIST.map((subgraph) => [subgraph.name, read.url(subgraphVariable(subgraph, "URL"), defaultSubgraphUrl(subgraph))]),
    ) as Record<SubgraphName, string>,
    subgraphTimeoutMs: read.num("SUBGRAPH_TIMEOUT_MS", PEER_SUBGRAPH_TIMEOUT_MS, { min: 0, max: 600_000 }),
  });
}

export interface RunningHiveGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4100/graphql`. */
  url: string;
  port: number;
  /** Closes the HTTP server (in-flight requests finish) and disposes of the runtime. Idempotent. */
  stop(): Promise<void>;
}

/** Serves `supergraphSdl`, its subgraph URLs replaced by `subgraphUrls`, with Hive Gateway on `node:http` at `/graphql`. */
export async function startHiveGateway(options: {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  port?: number;
  host?: string;
  /** Per subgraph request timeout, default 10000 as ours; 0 leaves Hive's upstream timeout off. */
  subgraphTimeoutMs?: number;
}): Promise<RunningHiveGateway> {
  const timeoutMs = options.subgraphTimeoutMs ?? PEER_SUBGRAPH_TIMEOUT_MS;
  // loaded here rather than at the top so that the helpers above work without bench/tools installed
  const { createGatewayRuntime } = benchTool("@graphql-hive/gateway");
  const gateway = createGatewayRuntime({
    supergraph: rewriteSubgraphUrls(options.supergraphSdl, options.subgraphUrls),
    graphqlEndpoint: "/graphql",
    logging: "error",
    graphiql: false,
    landingPage: false,
    propagateHeaders: {
      fromClientToSubgraphs: ({ request }) => Object.fromEntries(PEER_FORWARDED_HEADERS.map((name) => [name, request.headers.get(name)])),
    },
    ...(timeoutMs > 0 ? { upstreamTimeout: timeoutMs } : {}),
  });
  const server = http.createServer((request, response) => void gateway(request, response));
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  let stopping: Promise<void> | undefined;
  return {
    url: `http://${reachableHost(host)}:${port}/graphql`,
    port,
    stop: () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeIdleConnections();
        });
        await gateway.dispose();
      })()),
  };
}

async function main(): Promise<void> {
  const env = readPeerEnv();
  const gateway = await startHiveGateway({
    supergraphSdl: readFileSync(env.supergraphPath, "utf8"),
    subgraphUrls: env.subgraphUrls,
    port: env.port,
    host: env.host,
    subgraphTimeoutMs: env.subgraphTimeoutMs,
  });
  console.log(`Hive Gateway (peer) listening on ${gateway.url}`);
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    gateway.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error("peer did not stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
