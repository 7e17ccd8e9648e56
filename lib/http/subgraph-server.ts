import { createServer, type IncomingMessage } from "node:http";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginDrainHttpServer } from "@apollo/server/plugin/drainHttpServer";
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from "@apollo/server/plugin/disabled";
import { expressMiddleware } from "@as-integrations/express5";
import express, { type RequestHandler } from "express";
import type { GraphQLSchema } from "graphql";
import type { DataSource } from "typeorm";
import { useAccessLog } from "@lib/audit/use-access-log";
import { createAccessLogWriter } from "@lib/audit/access-log-writer";
import type { AbandonableWork } from "@lib/db/cancel-abandoned-queries";
import { pingDatabase, poolOf } from "@lib/db/data-source";
import type { SqlStatementCounter } from "@lib/db/sql-counter";
import { createErrorFormatter } from "@lib/graphql/errors";
import { figuresVersionRoute } from "./figures-version-route";
import type { Logger } from "@lib/log/logger";
import { createMetricsRegistry } from "./metrics";
import type { SubgraphContext } from "./subgraph-context";
import { useVerifiedCaller } from "./use-verified-caller";
import { listen, type RunningService } from "./service";
import { abortOnClose } from "./abort-on-close";
import { Health } from "./health";
import { protectSubgraph } from "./subgraph-limits";
import { subgraphRequestLog } from "./subgraph-request-log";

/** What a subgraph hands to the shared server: its schema, its database and its per-request context. */
export interface SubgraphServerOptions {
  name: string;
  schema: GraphQLSchema;
  /** An initialised connection to this subgraph's own database; closed by `stop()`. */
  dataSource: DataSource;
  sqlCounter: SqlStatementCounter;
  /** Builds the context of one request from its HTTP request: the caller, fresh DataLoaders (nothing cached across requests). */
  createContext: (request: IncomingMessage) => Promise<SubgraphContext>;
  /** Error details (messages of internal errors, stack traces) in responses; never in production. */
  development?: boolean;
  /** Routes besides GraphQL, health and metrics (the embedded default's `POST /events`). */
  extraRoutes?: Record<string, RequestHandler[]>;
  /** Runs first on stop (the events' relay and consumer stop before the pool closes). */
  beforeStop?: () => Promise<void> | undefined;
  /** Where it logs; `logRequests` adds one line per request (subgraph-request-log.ts). */
  logger: Logger;
  logRequests?: boolean;
  /** Creates a request's cancellable scope; absent = a disconnect cancels nothing (abort-on-close.ts). */
  abandonableWork?: () => AbandonableWork;
}

/** A subgraph's HTTP server, built but not listening: `subgraphs/bin.ts` listens on its port, tests on port 0. */
export interface SubgraphServer {
  listen(port: number, host?: string): Promise<RunningService>;
}

/** Marks a response as never to be stored by an HTTP cache. */
const noStore: RequestHandler = (_req, res, next) => {
  res.set("Cache-Control", "no-store");
  next();
};

export function buildSubgraphServer(options: SubgraphServerOptions): SubgraphServer {
  // its own depth and alias limits and argument checks, for a caller that reaches the port directly (subgraph-limits.ts)
  const protection = protectSubgraph(options.schema);
  return {
    async listen(port, host = "127.0.0.1") {
      const app = express();
      const httpServer = createServer(app);
      const apollo = new ApolloServer<SubgraphContext>({
        schema: protection.schema,
        validationRules: protection.validationRules,
        parseOptions: protection.parseOptions,
        formatError: createErrorFormatter(options.development ?? false, options.logger),
        includeStacktraceInErrorResponses: options.development ?? false,
        introspection: true,
        plugins: [
          ApolloServerPluginDrainHttpServer({ httpServer }),
          ApolloServerPluginLandingPageDisabled(),
          // no Apollo Studio on an air-gapped network: don't compute traces nobody reads
          ApolloServerPluginInlineTraceDisabled(),
          // no cache hints anywhere (personal data is never cached by HTTP): without this plugin's willResolveField
          // hook Apollo Server no longer wraps every field's resolver (~5% of a subgraph's CPU under the caseload)
          ApolloServerPluginCacheControlDisabled(),
          useVerifiedCaller(),
          ...protection.plugins,
          // last: the access log is written once the response is final, and before it leaves
          useAccessLog(options.name, options.logger, createAccessLogWriter(options.dataSource)),
        ],
      });
      await apollo.start();
      const metrics = createMetricsRegistry(options.name, options.sqlCounter, () =>
        options.dataSource.isInitialized ? poolOf(options.dataSource) : undefined,
      );

      app.get("/health", (_req, res) => {
        res.status(options.dataSource.isInitialized ? 200 : 503).json({ status: "ok", service: options.name });
      });
      // the schema is built before the server listens, so readiness is the database answering, until shutdown begins
      const health = new Health({ database: () => pingDatabase(options.dataSource) });
      health.mount(app);
      app.get("/figures-version", figuresVersionRoute(options.dataSource));
      app.get("/metrics", async (_req, res) => {
        res.type(metrics.contentType).send(await metrics.metrics());
      });
      for (const [route, handlers] of Object.entries(options.extraRoutes ?? {})) app.post(route, ...handlers);
      const cancelOnClose: RequestHandler[] = options.abandonableWork ? [abortOnClose(options.abandonableWork)] : [];
      app.use(
        "/graphql",
        express.json({ limit: "1mb" }),
        ...cancelOnClose,
        subgraphRequestLog(options.logger, options.logRequests ?? false),
        // what the cache-control plugin (disabled above) sent for answers without cache hints, i.e. all of ours
        noStore,
        expressMiddleware(apollo, { context: ({ req }) => options.createContext(req) }),
      );

      const bound = await listen(httpServer, port, host);
      return {
        ...bound,
        async stop() {
          // not ready first, so no new traffic is sent; then in-flight requests finish; then the pool closes
          health.markShuttingDown();
          await options.beforeStop?.();
          await apollo.stop();
          if (options.dataSource.isInitialized) await options.dataSource.destroy();
        },
      };
    },
  };
}
