import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { registerInstrumentations } from "@opentelemetry/instrumentation";
import { GraphQLInstrumentation } from "@opentelemetry/instrumentation-graphql";
import { HttpInstrumentation } from "@opentelemetry/instrumentation-http";
import { PgInstrumentation } from "@opentelemetry/instrumentation-pg";
import { defaultResource, detectResources, envDetector, resourceFromAttributes } from "@opentelemetry/resources";
import { BatchSpanProcessor, NodeTracerProvider, ParentBasedSampler } from "@opentelemetry/sdk-trace-node";
import { RequestsOnlySampler } from "./requests-only-sampler";

/** Paths whose requests are not traced: probes and scrapes every few seconds would bury the requests that matter. */
const UNTRACED_PATHS = new Set(["/health", "/metrics"]);

/**
 * The OpenTelemetry SDK of one process: spans batched to an OTLP/HTTP endpoint (`OTEL_EXPORTER_OTLP_*`,
 * `OTEL_BSP_*` are read by the exporter and the batch processor), W3C trace context in and out of every HTTP
 * request, and spans for HTTP, GraphQL and each SQL statement. Loaded only when tracing is on (tracing.ts), and
 * before the instrumented modules (http clients, graphql, pg) are first required, so that they can be patched.
 */
export function startTracing(serviceName: string): NodeTracerProvider {
  const resource = defaultResource()
    .merge(resourceFromAttributes({ "service.name": serviceName }))
    .merge(detectResources({ detectors: [envDetector] }));
  const provider = new NodeTracerProvider({
    resource,
    // a trace starts where a request comes in (or continues the caller's): building the schema at start-up parses
    // hundreds of documents, each of which would otherwise be a trace of its own
    sampler: new ParentBasedSampler({ root: new RequestsOnlySampler() }),
    spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
  });
  provider.register(); // the AsyncLocalStorage context manager and the W3C trace-context and baggage propagators

  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) => UNTRACED_PATHS.has((request.url ?? "").split("?")[0]),
        // a GET request carries its operation and variables in the query string: variables can name a person
        redactedQueryParamsServer: ["query", "variables", "extensions"],
      }),
      new GraphQLInstrumentation({
        // literal values are blanked out of the recorded document (they can be a person's id); no variables either
        allowValues: false,
        // resolver spans for the root fields only: type-graphql wraps every field, so none counts as "trivial" and
        // depth 2 made twenty spans per participant; deeper fields' SQL still shows, under the root field's span
        mergeItems: true,
        ignoreTrivialResolveSpans: true,
        depth: 1,
      }),
      // the SQL text with its $n placeholders, never the values bound to them (enhancedDatabaseReporting stays off);
      // statements outside a request (pool warm-up, migrations) are not traced, nor each borrowing of a pooled connection
      new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false, ignoreConnectSpans: true }),
    ],
  });
  return provider;
}
