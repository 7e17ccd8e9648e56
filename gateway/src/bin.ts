// first: tracing must patch http and graphql before anything loads them
import "./tracing";
import { access, constants } from "node:fs/promises";
import { createTokenVerifier } from "@lib/auth/verify-token";
import { EnvError } from "@lib/env/env";
import { shutdownTracing } from "@lib/telemetry/tracing";
import { reachableHost } from "@lib/http/service";
import { createLogger } from "@lib/log/logger";
import { readGatewayEnv } from "./env";
import { requestLogTo } from "./request-trace";
import { createGateway } from "./server";

// The gateway process: configuration from the environment, the supergraph from disk (reloaded when the file
// changes), then serve until a signal asks it to stop.
async function main(): Promise<void> {
  const env = readGatewayEnv();
  const logger = createLogger("gateway", { level: env.logLevel });

  try {
    await access(env.supergraphPath, constants.R_OK);
  } catch (error) {
    logger.fatal(`Cannot read the supergraph: ${(error as Error).message}. Compose it first, or set SUPERGRAPH_PATH.`);
    process.exit(1);
  }

  const gateway = await createGateway({
    supergraphFile: { path: env.supergraphPath, pollMs: env.supergraphPollMs },
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
    subgraphCalls: env.subgraphCalls,
    admission: env.admission,
    reportCache: env.reportCache.enabled && { redisUrl: env.rateLimit.redisUrl, ttlSeconds: env.reportCache.ttlSeconds },
    trustProxy: env.trustProxy,
    requestLog: env.logRequests ? requestLogTo(logger) : false,
    logger,
  });
  // a wildcard bind is shown as localhost, the name a person types into a browser
  const shown = reachableHost(env.host) === env.host ? gateway.url : gateway.url.replace("127.0.0.1", "localhost");
  logger.info({ url: gateway.url }, `국민취업지원제도 gateway listening on ${env.host}:${gateway.port}`);
  logger.info(`GraphiQL: ${shown} (open in a browser)`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C means "now": skip waiting for in-flight requests.
      logger.warn(`${signal} again, exiting at once`);
      process.exit(1);
    }
    stopping = true;
    // stop() turns /readyz false first, then lets in-flight requests finish, then closes subgraph connections
    logger.info(`${signal} received, draining requests…`);
    gateway
      .stop()
      .then(shutdownTracing) // the last spans, before the process is gone
      .then(
        () => process.exit(0),
        (error) => {
          logger.error({ err: error }, "gateway did not stop cleanly");
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
