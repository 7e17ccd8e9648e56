import type { RequestHandler } from "express";
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { RequestTrace } from "@lib/audit/request-trace";
import { SUBGRAPH_NAMES } from "@subgraphs/registry";
import type { SubgraphOutcome } from "./data-source";
import { OperationLabels } from "./operation-label";

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
const ROUTES = new Set(["/graphql", "/health", "/healthz", "/readyz", "/metrics", "/reports", "/reports/program-breakdown.csv"]);
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** An error code as a label: ours and Apollo's are upper-case words; anything else a subgraph might send is OTHER. */
const ERROR_CODE = /^[A-Z][A-Z_]{0,39}$/;

/** The metrics of one gateway instance, served at `/metrics` together with the process metrics. */
export class GatewayMetrics {
  readonly registry = new Registry();
  private readonly operations = new OperationLabels();

  private readonly counter = (name: string, help: string, labelNames: string[]) =>
    new Counter({ name, help, labelNames, registers: [this.registry] });
  private readonly gauge = (name: string, help: string) => new Gauge({ name, help, registers: [this.registry] });
  private readonly histogram = (name: string, help: string, labelNames: string[]) =>
    new Histogram({ name, help, labelNames, buckets: LATENCY_BUCKETS, registers: [this.registry] });

  readonly httpRequests = this.counter("http_requests_total", "HTTP requests answered by the gateway", ["method", "route", "status_code"]);
  readonly httpDuration = this.histogram("http_request_duration_seconds", "Time from request to the end of the response", [
    "method",
    "route",
    "status_code",
  ]);
  readonly requests = this.counter("njsp_gateway_requests_total", "GraphQL requests, by operation name and HTTP status", [
    "operation",
    "status",
  ]);
  readonly requestDuration = this.histogram("njsp_gateway_request_duration_seconds", "GraphQL request latency, by operation name", [
    "operation",
  ]);
  readonly errors = this.counter("njsp_gateway_errors_total", "Errors returned to clients, by operation name and extensions.code", [
    "operation",
    "code",
  ]);
  readonly fetchDuration = this.histogram("njsp_gateway_subgraph_fetch_duration_seconds", "Subgraph calls made by the gateway", [
    "subgraph",
  ]);
  readonly fetchErrors = this.counter(
    "njsp_gateway_subgraph_fetch_errors_total",
    "Subgraph calls that failed (refused, timed out, 5xx, unreadable): the agency was unavailable",
    ["subgraph"],
  );

  /** Set by each subgraph's circuit breaker as it changes state (subgraph-breaker.ts). */
  readonly breakerState = new Gauge({
    name: "njsp_gateway_subgraph_breaker_state",
    help: "Circuit breaker of each subgraph: 0 closed, 1 half-open (one trial call), 2 open (calls refused)",
    labelNames: ["subgraph"],
    registers: [this.registry],
  });
  readonly contentType = this.registry.contentType;

  /** Admission control (use-admission.ts): what executes, what waits at the door, and what became of each request. */
  readonly admissionExecuting = this.gauge("njsp_gateway_admission_executing", "Requests executing now");
  readonly admissionExecutingPeak = this.gauge("njsp_gateway_admission_executing_peak", "Most requests executing at once since start");
  readonly admissionQueued = this.gauge("njsp_gateway_admission_queued", "Requests waiting for their turn now");
  readonly admissions = this.counter(
    "njsp_gateway_admission_total",
    "Requests at the door: admitted, refused (queue full, waited too long), or their client gone while waiting",
    ["outcome"],
  );
  readonly admissionWait = this.histogram("njsp_gateway_admission_wait_seconds", "Time admitted requests waited for their turn", []);
  private executingPeak = 0;

  constructor() {
    processMetrics(); // start the process collectors now, so the first scrape already has CPU and event-loop figures
    for (const subgraph of SUBGRAPH_NAMES) this.fetchErrors.inc({ subgraph }, 0); // a zero before the first failure, for alerts on rate()
    for (const outcome of ["admitted", "refused_queue_full", "refused_wait", "client_gone"]) this.admissions.inc({ outcome }, 0);
  }

  /** Express middleware counting every request when its response is finished; GraphQL requests by operation too. */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      // Read the path now: middleware mounted at /graphql rewrites req.url while it runs.
      const route = ROUTES.has(req.path) ? req.path : "other";
      res.once("finish", () => {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const labels = { method: req.method, route, status_code: String(res.statusCode) };
        this.httpDuration.observe(labels, seconds);
        this.httpRequests.inc(labels);
        // the trace (request-trace.ts) knows the operation once Apollo Server has read the request
        const trace = (res.locals as { trace?: RequestTrace }).trace;
        if (route !== "/graphql" || !trace) return;
        const operation = this.operations.label(trace.operation?.name);
        this.requests.inc({ operation, status: String(res.statusCode) });
        this.requestDuration.observe({ operation }, seconds);
      });
      next();
    };
  }

  /** One error of a response, as the client receives it. */
  countError(operationName: string | null | undefined, code: unknown): void {
    const label = typeof code !== "string" ? "NONE" : ERROR_CODE.test(code) ? code : "OTHER";
    this.errors.inc({ operation: this.operations.label(operationName), code: label });
  }

  observeSubgraphCall(subgraph: string, outcome: SubgraphOutcome, seconds: number): void {
    this.fetchDuration.observe({ subgraph }, seconds);
    if (outcome === "unavailable") this.fetchErrors.inc({ subgraph });
  }

  showAdmission(executing: number, queued: number): void {
    this.admissionExecuting.set(executing);
    this.admissionQueued.set(queued);
    if (executing > this.executingPeak) this.admissionExecutingPeak.set((this.executingPeak = executing));
  }

  /** One request's fate at the door; an admitted one with the seconds it waited. */
  countAdmission(outcome: "admitted" | "refused_queue_full" | "refused_wait" | "client_gone", waitedSeconds?: number): void {
    this.admissions.inc({ outcome });
    if (waitedSeconds !== undefined) this.admissionWait.observe(waitedSeconds);
  }

  /** The text exposition of process and gateway metrics. */
  async render(): Promise<string> {
    return `${await processMetrics().metrics()}\n${await this.registry.metrics()}`;
  }
}
