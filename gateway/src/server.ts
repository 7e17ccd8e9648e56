import http from "node:http";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer, type ApolloServerPlugin } from "@apollo/server";
import {
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from "@apollo/server/plugin/disabled";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type ErrorRequestHandler } from "express";
import type { RequestTrace } from "@lib/audit/request-trace";
import { callerOf, type Caller } from "@lib/auth/bearer";
import type { User } from "@lib/auth/viewer";
import { Health } from "@lib/http/health";
import { listen } from "@lib/http/service";
import { createLogger, type Logger } from "@lib/log/logger";
import { isSubgraphName, SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { AuthorizingGateway } from "./authorization/authorizing-gateway";
import { splitSupergraph } from "./authorization/supergraph-policies";
import { clientGoneSignal } from "./client-gone";
import { AgencyDataSource } from "./data-source";
import { DEFAULT_SUBGRAPH_CALLS, DEFAULT_SUBGRAPH_TIMEOUT_MS } from "./env";
import { dedupeUnavailableErrors, formatGatewayError } from "./errors";
import { graphiqlHandler } from "./graphiql";
import { inProcessGraphQL } from "./reports/in-process-graphql";
import { reportsRoutes } from "./reports/reports.routes";
import { GatewayMetrics } from "./metrics";
import { dedupeInFlight } from "./in-flight-dedup";
import { createSubgraphFetcher } from "./subgraph-fetcher";
import { servedJson } from "./report-answers";
import { useReportCache, type ReportCacheOptions } from "./use-report-cache";
import { supergraphFile, type SupergraphFileOptions } from "./use-supergraph-file";
import { refuseBatchedRequests, useArmor, type GatewayLimits } from "./use-armor";
import { defaultIntrospectionMode, useIntrospectionRule, type IntrospectionMode } from "./use-introspection-rule";
import { loadSafelist, usePersistedQueries } from "./use-persisted-queries";
import { DEFAULT_RATE_LIMIT, useRateLimit, type RateLimitOptions } from "./use-rate-limit";
import { traceOf, traceOperations, traceRequests, type RequestLog } from "./request-trace";
import { useResilience, type ResilienceOptions } from "./use-resilience";
import { DEFAULT_ADMISSION, useAdmission, type AdmissionOptions } from "./use-admission";

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /** The composed supergraph SDL (the committed `schema/supergraph.graphql`); composition happens elsewhere. */
  supergraphSdl?: string;
  /** Or a supergraph file to serve and reload whenever it changes (use-supergraph-file.ts); wins over `supergraphSdl`. */
  supergraphFile?: { path: string } & SupergraphFileOptions;
  /** Where each subgraph answers; these replace the URLs written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  /** Port to listen on; 0 (the default) picks a free one, as tests want. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. Containers pass 0.0.0.0. */
  host?: string;
  /** Development mode: stack traces and failure causes in error responses. Default false. */
  development?: boolean;
  /** Per subgraph request timeout in milliseconds; default DEFAULT_SUBGRAPH_TIMEOUT_MS (2500). */
  timeoutMs?: number;
  /** Timeouts of single subgraphs, circuit breakers and retries (use-resilience.ts). */
  resilience?: Pick<ResilienceOptions, "timeouts" | "breaker">;
  /** Share one subgraph call among identical queries in flight at once (default true). */
  dedupeSubgraphCalls?: boolean;
  /** How callers are identified: their tokens' verifier, and the credential the gateway presents to subgraphs. */
  auth: GatewayAuth;
  /** Who may introspect the schema: default `open` in development, `authenticated` otherwise (use-introspection-rule.ts). */
  introspection?: IntrospectionMode;
  /** Only registered operations run: `true` for the client contract, or `{ path }` of another file (use-persisted-queries.ts). */
  safelist?: boolean | { path: string };
  /** Requests per user (or address) per window, in memory or through Redis; default 100,000 a minute (use-rate-limit.ts). */
  rateLimit?: RateLimitOptions;
  /** Calls in flight at once to each subgraph, and how long one may wait for its turn; default DEFAULT_SUBGRAPH_CALLS (env.ts). */
  subgraphCalls?: { maxConcurrent: number; queueWaitMs: number };
  /** Requests executing at once, and how many may wait how long for their turn; default DEFAULT_ADMISSION (use-admission.ts). */
  admission?: AdmissionOptions;
  /** Express's `trust proxy`: set behind a load balancer so each client is counted by its own address (default none). */
  trustProxy?: string | number | false;
  /** Depth, alias, directive, token and cost limits; default GATEWAY_LIMITS (use-armor.ts). Tests lower them. */
  limits?: Partial<GatewayLimits>;
  /** Cache report answers, in memory or shared through Redis (use-report-cache.ts); default off. */
  reportCache?: ReportCacheOptions | false;
  /** One line per GraphQL request (id, operation name, status, ms), e.g. requestLogTo(logger); default none (request-trace.ts). */
  requestLog?: RequestLog;
  /** Where the gateway logs (JSON lines, lib/log/logger.ts); default `info` and above on stdout. */
  logger?: Logger;
}

/**
 * What a request carries through the gateway: its caller, its trace for the subgraphs' access logs, and the signal
 * that its client went away (its subgraph calls then stop: client-gone.ts).
 */
type GatewayContext = Caller & { trace: RequestTrace; signal: AbortSignal };

export interface GatewayAuth {
  verify(token: string): Promise<User>;
  gatewaySecret: string;
}

export interface RunningGateway {
  /** The GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  url: string;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, and closes subgraph connections. Idempotent. */
  stop(): Promise<void>;
}

const BODY_LIMIT = "1mb";

/** Starts the gateway: Apollo Gateway over the four subgraphs, GraphiQL, `/reports`, `/health` and `/metrics`, listening. */
export async function createGateway(options: GatewayOptions): Promise<RunningGateway> {
  const development = options.development ?? false;
  const timeoutMs = options.timeoutMs ?? DEFAULT_SUBGRAPH_TIMEOUT_MS;
  const host = options.host ?? "127.0.0.1";
  const metrics = new GatewayMetrics();
  const logger = options.logger ?? createLogger("gateway");
  const resilience = useResilience({ ...options.resilience, timeoutMs, subgraphUrls: options.subgraphUrls, metrics });
  const subgraphCalls = options.subgraphCalls ?? DEFAULT_SUBGRAPH_CALLS;
  const subgraphFetcher = createSubgraphFetcher({
    timeoutMs,
    timeoutsByUrl: resilience.timeoutsByUrl,
    maxSockets: subgraphCalls.maxConcurrent,
    queueWaitMs: subgraphCalls.queueWaitMs,
  });
  const dedupeSubgraphCalls = options.dedupeSubgraphCalls ?? true;

  const planner = new ApolloGateway({
    supergraphSdl: options.supergraphFile
      ? supergraphFile(options.supergraphFile.path, options.supergraphFile)
      : splitSupergraph(options.supergraphSdl ?? "").plannerSdl,
    // always, not only outside production: a reloaded supergraph that fails validation is refused, not served
    validateSupergraph: true,
    buildService: ({ name, url }) => {
      const target = isSubgraphName(name) ? options.subgraphUrls[name] : url;
      if (!target) throw new Error(`no URL for subgraph "${name}": it is not one of ${SUBGRAPH_NAMES.join(", ")}`);
      return new AgencyDataSource({
        serviceName: name,
        url: target,
        fetcher: dedupeSubgraphCalls ? dedupeInFlight(subgraphFetcher.fetcher) : subgraphFetcher.fetcher,
        timeoutMs: resilience.timeoutOf(name),
        breaker: resilience.breakerOf(name),
        gatewaySecret: options.auth.gatewaySecret,
        onCallEnd: (subgraph, outcome, seconds) => metrics.observeSubgraphCall(subgraph, outcome, seconds),
        log: (message) => logger.warn(message),
      });
    },
  });

  const gateway = new AuthorizingGateway(planner);
  const armor = useArmor({ development, limits: options.limits });
  const safelist = options.safelist ? loadSafelist(options.safelist === true ? undefined : options.safelist.path) : null;
  const persisted = usePersistedQueries(safelist);
  const reportCache = options.reportCache ? useReportCache(options.subgraphUrls, options.reportCache) : null;

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", options.trustProxy ?? false);
  // Express otherwise takes its mode from NODE_ENV and puts stack traces in its error pages.
  app.set("env", development ? "development" : "production");
  const httpServer = http.createServer(app);

  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    nodeEnv: development ? "development" : "production",
    // GraphiQL lives on introspection; outside development only signed-in callers may introspect (use-introspection-rule.ts)
    introspection: true,
    includeStacktraceInErrorResponses: development,
    // abuse limits (use-armor.ts): shape of each operation, one operation per request; APQ and the safelist
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    allowBatchedHttpRequests: false,
    persistedQueries: persisted.persistedQueries,
    formatError: (formatted, error) => {
      const result = formatGatewayError(formatted, error, { development });
      if (result.message !== formatted.message && result.extensions?.code === "INTERNAL_SERVER_ERROR") {
        logger.error({ err: error }, "masked internal error");
      }
      return result;
    },
    // Compact JSON: Apollo's default pretty-printing costs time and bytes on large reports; a cached report is sent
    // as stored (report-answers.ts)
    stringifyResult: (value) => servedJson(value) ?? JSON.stringify(value),
    // bin.ts handles signals; a library must not install process-wide handlers (tests start many gateways).
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(), // GraphiQL is ours, served without any CDN
      // The network is air-gapped and the data is personal: never report usage or schemas to Apollo's cloud.
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      finalErrorsPlugin(metrics),
      traceOperations(),
      ...armor.plugins,
      ...persisted.plugins,
      useIntrospectionRule(options.introspection ?? defaultIntrospectionMode(development)),
      ...(reportCache ? [reportCache.plugin] : []),
    ],
  });
  await apollo.start();
  const rateLimit = await useRateLimit({ log: (message) => logger.warn(message), ...(options.rateLimit ?? DEFAULT_RATE_LIMIT) });

  app.use(metrics.middleware());
  app.get("/health", (_req, res) => {
    res.set("Cache-Control", "no-store").json({ status: "ok" });
  });
  // ready once the supergraph is loaded (apollo.start() above), until shutdown begins
  const health = new Health({ supergraph: () => Promise.resolve(planner.schema ? true : "not loaded") });
  health.mount(app);
  app.get("/metrics", async (_req, res) => {
    res.set("Content-Type", metrics.contentType).send(await metrics.render());
  });
  app.get("/graphql", graphiqlHandler());
  const traceRequest = traceRequests(options.requestLog ?? false);
  // GraphQL requests and the CSV export wait for their turn; /health, /metrics, GraphiQL and the page never do
  const admit = useAdmission(options.admission ?? DEFAULT_ADMISSION, metrics);
  const context = rateLimit.context(async ({ req, res }) => ({
    ...(await callerOf(req.headers.authorization, (token) => options.auth.verify(token))),
    trace: traceOf(res),
    signal: clientGoneSignal(res),
  }));
  app.use(
    "/graphql",
    // first: a request refused for its body (too large, not JSON) has an id and a log line too
    traceRequest,
    express.json({ limit: BODY_LIMIT }),
    refuseBatchedRequests,
    persisted.guard,
    // after the body is read: a client sending it slowly does not hold a place meanwhile
    admit,
    expressMiddleware(apollo, { context }),
  );
  // the analysts' page and the CSV export: the contract's ProgramBreakdown, run through this same server
  app.use("/reports", reportsRoutes({ graphql: inProcessGraphQL(apollo, context), traceRequest, admit }));
  app.use(jsonErrorHandler(logger));

  let bound: { port: number; url: string };
  try {
    bound = await listen(httpServer, options.port ?? 0, host);
  } catch (error) {
    await apollo.stop().catch(() => undefined);
    subgraphFetcher.close();
    await rateLimit.close();
    await reportCache?.close();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  return {
    ...bound,
    stop: () =>
      (stopping ??= (async () => {
        health.markShuttingDown();
        await apollo.stop(); // drains the HTTP server, then stops the gateway
        subgraphFetcher.close();
        await rateLimit.close();
        await reportCache?.close();
      })()),
  };
}

/** Works on the formatted errors of each response: drops repeated subgraph failures, then counts what is left. */
function finalErrorsPlugin(metrics: GatewayMetrics): ApolloServerPlugin<GatewayContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return Promise.resolve();
          const errors = dedupeUnavailableErrors(response.body.singleResult.errors);
          response.body.singleResult.errors = errors;
          for (const error of errors) metrics.countError(contextValue.trace?.operation?.name, error.extensions?.code);
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Errors raised before Apollo Server sees the request (unparseable JSON body, body too large) as a GraphQL-shaped
 * JSON answer, instead of Express's HTML page that names files and lines.
 */
const jsonErrorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (error: { status?: number; statusCode?: number; type?: string }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error.status ?? error.statusCode ?? 500;
    const message =
      error.type === "entity.parse.failed"
        ? "The request body is not valid JSON."
        : error.type === "entity.too.large"
          ? `The request body is larger than ${BODY_LIMIT}.`
          : status < 500
            ? "Bad request."
            : "Internal server error";
    if (status >= 500) logger.error({ err: error }, "request failed");
    res.status(status).json({ errors: [{ message, extensions: { code: status < 500 ? "BAD_REQUEST" : "INTERNAL_SERVER_ERROR" } }] });
  };
