import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { SubgraphOutcome } from "./data-source";

// Process metrics (RSS, CPU, event loop lag, GC) describe the process, not one gateway, and prom-client's
// collectors install process-wide hooks: collect them once per process, however many gateways tests start.
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Paths reported by name; anything else is `other`, so random URLs cannot blow up label cardinality. */
const ROUTES = new Set(["/graphql", "/health", "/healthz", "/readyz", "/metrics"]);
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The metrics of one gateway instance, served at `/metrics` together with the process metrics. */
export class GatewayMetrics {
  readonly registry = new Registry();

  readonly httpRequests = new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered by the gateway",
    labelNames: ["method", "route", "status_code"],
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "Time from request to the end of the response",
    labelNames: ["method", "route", "status_code"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly subgraphDuration = new Histogram({
    name: "gateway_subgraph_request_duration_seconds",
    help: "Subgraph calls made by the gateway, by subgraph and outcome",
    labelNames: ["subgraph", "outcome"],
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });

  readonly graphqlErrors = new Counter({
    name: "gateway_graphql_errors_total",
    help: "Errors returned to clients, by extensions.code",
    labelNames: ["code"],
    registers: [this.registry],
  });

  /** Set by each subgraph's circuit breaker as it changes state (subgraph-breaker.ts). */
  readonly breakerState = new Gauge({
    name: "njsp_gateway_subgraph_breaker_state",
    help: "Circuit breaker of each subgraph: 0 closed, 1 half-open (one trial call), 2 open (calls refused)",
    labelNames: ["subgraph"],
    registers: [this.registry],
  });
  readonly contentType = this.registry.contentType;

  constructor() {
    processMetrics(); // start the process collectors now, so the first scrape already has CPU and event-loop figures
  }

  /** Express middleware counting every request when its response is finished. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const stop = this.httpDuration.startTimer();
      // Read the path now: middleware mounted at /graphql rewrites req.url while it runs.
      const route = ROUTES.has(req.path) ? req.path : "other";
      res.once("finish", () => {
        const labels = { method: req.method, route, status_code: String(res.statusCode) };
        stop(labels);
        this.httpRequests.inc(labels);
      });
      next();
    };
  }

  observeSubgraphCall(subgraph: string, outcome: SubgraphOutcome, seconds: number): void {
    this.subgraphDuration.observe({ subgraph, outcome }, seconds);
  }

  /** The text exposition of process and gateway metrics. */
  async render(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }
}
