import { readFile } from "node:fs/promises";
import { createTokenVerifier } from "@lib/auth/verify-token";
import { EnvError } from "@lib/env/env";
import { reachableHost } from "@lib/http/service";
import { readGatewayEnv } from "./env";
import { STDOUT_REQUEST_LOG } from "./request-trace";
import { createGateway } from "./server";

// The gateway process: configuration from the environment, the committed supergraph from disk, then serve until a
// signal asks it to stop.
async function main(): Promise<void> {
  const env = readGatewayEnv();

  let supergraphSdl: string;
  try {
    supergraphSdl = await readFile(env.supergraphPath, "utf8");
  } catch (error) {
    console.error(`Cannot read the supergraph: ${(error as Error).message}. Compose it first, or set SUPERGRAPH_PATH.`);
    process.exit(1);
  }

  const gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: env.subgraphUrls,
    port: env.port,
    host: env.host,
    development: env.development,
    timeoutMs: env.subgraphTimeoutMs,
    resilience: { timeouts: env.subgraphTimeouts, breaker: env.breaker },
    auth: { verify: createTokenVerifier(env.auth.tokens), gatewaySecret: env.auth.gatewaySecret },
    introspection: env.introspection,
    safelist: env.safelist.enabled ? { path: env.safelist.path } : false,
    rateLimit: env.rateLimit,
    trustProxy: env.trustProxy,
    requestLog: env.logRequests ? STDOUT_REQUEST_LOG : false,
  });
  // a wildcard bind is shown as localhost, the name a person types into a browser
  const shown = reachableHost(env.host) === env.host ? gateway.url : gateway.url.replace("127.0.0.1", "localhost");
  console.log(`국민취업지원제도 gateway listening on ${env.host}:${gateway.port}`);
  console.log(`GraphiQL: ${shown} (open in a browser)`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": skip waiting for in-flight requests.
      console.log(`${signal} again, exiting at once`);
      process.exit(1);
    }
    stopping = true;
    // stop() turns /readyz false first, then lets in-flight requests finish, then closes subgraph connections
    console.log(`${signal} received, draining requests…`);
    gateway.stop().then(
      () => process.exit(0),
      (error) => {
        console.error("gateway did not stop cleanly:", error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : error);
  process.exit(1);
});
