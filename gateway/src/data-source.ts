import { RemoteGraphQLDataSource } from "@apollo/gateway";
import { GraphQLError, OperationTypeNode } from "graphql";
import { traceHeaders, type RequestTrace } from "@lib/audit/request-trace";
import type { Caller } from "@lib/auth/bearer";
import { GATEWAY_CREDENTIAL_HEADER } from "@lib/auth/gateway-credential";
import { abandonedCallError, fetcherWithClientSignal, isAbandonedCallError, withClientSignal } from "./client-gone";
import { subgraphUnavailableError } from "./errors";
import { isBreakerOpenError, type SubgraphBreaker } from "./subgraph-breaker";
import { isAbandonedCall, type Fetcher } from "./subgraph-fetcher";
import { noteSubgraphCall } from "./subgraph-calls";

/** How a subgraph call ended, for metrics: `abandoned` when the gateway's client went away first (not a failure). */
export type SubgraphOutcome = "ok" | "graphql_errors" | "unavailable" | "abandoned";

/** Options of {@link AgencyDataSource}. */
export interface AgencyDataSourceOptions {
  /** The subgraph's name in the supergraph (`job-centers`, …), used in errors, logs and metrics. */
  serviceName: string;
  url: string;
  fetcher: Fetcher;
  /** Timeout the fetcher applies, quoted in the timeout error message. */
  timeoutMs: number;
  /** Called once per subgraph call with its duration. */
  onCallEnd?: (serviceName: string, outcome: SubgraphOutcome, seconds: number) => void;
  /** Sent with every call: the gateway's credential towards the subgraphs (`GATEWAY_SECRET`). */
  gatewaySecret: string;
  /** Circuit breaker and query retries around each call (subgraph-breaker.ts); none when absent. */
  breaker?: SubgraphBreaker;
  /** Where failures are logged; default console.warn. */
  log?: (message: string) => void;
}

/**
 * A 400 answer whose body is a GraphQL error with a client-facing code (variable coercion fails this way, for
 * custom scalars the gateway cannot check itself).
 */
function clientErrorOf(error: Error): { message: string; code: string } | null {
  const response = (error as GraphQLError).extensions?.response as { status?: number; body?: unknown } | undefined;
  const first = (response?.body as { errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> } | undefined)?.errors?.[0];
  if (response?.status !== 400 || typeof first?.message !== "string") return null;
  return first.extensions?.code === "BAD_USER_INPUT" ? { message: first.message, code: "BAD_USER_INPUT" } : null;
}

/** Failures of one subgraph are logged at most this often, so an outage does not flood the log with one line per query. */
const LOG_INTERVAL_MS = 10_000;

/**
 * A RemoteGraphQLDataSource that turns a failed call (connection refused, timeout, 5xx, unreadable body) into a
 * SUBGRAPH_UNAVAILABLE error naming the agency. Apollo Gateway would otherwise report the raw fetch error, whose
 * message holds the subgraph's URL and says nothing about which agency is missing.
 */
export class AgencyDataSource extends RemoteGraphQLDataSource {
  private readonly agency: AgencyDataSourceOptions;
  private lastLoggedAt = 0;
  private suppressed = 0;

  constructor(options: AgencyDataSourceOptions) {
    super({ url: options.url, fetcher: fetcherWithClientSignal(options.fetcher) });
    this.agency = options;
  }

  /**
   * Every call carries the gateway's credential, and the user's token when there is one: each subgraph verifies the
   * token itself and applies its own rules (defence in depth), and serves no one who comes with neither. The
   * request's trace (id, client address, operation) goes along for the subgraph's access log.
   */
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource["willSendRequest"]>>[0]): void {
    request.http?.headers.set(GATEWAY_CREDENTIAL_HEADER, this.agency.gatewaySecret);
    const { authorization, trace } = context as Partial<Caller & { trace: RequestTrace }>;
    if (authorization) request.http?.headers.set("authorization", authorization);
    if (trace) for (const [name, value] of Object.entries(traceHeaders(trace))) request.http?.headers.set(name, value);
  }

  override async process(options: Parameters<RemoteGraphQLDataSource["process"]>[0]): ReturnType<RemoteGraphQLDataSource["process"]> {
    const started = process.hrtime.bigint();
    noteSubgraphCall(options.context, this.agency.serviceName);
    const end = (outcome: SubgraphOutcome) =>
      this.agency.onCallEnd?.(this.agency.serviceName, outcome, Number(process.hrtime.bigint() - started) / 1e9);
    // the request's signal (client-gone.ts) goes with the call, so the call stops when its client goes away
    const signal = (options.context as { signal?: AbortSignal } | undefined)?.signal;
    const call = () => withClientSignal(signal, () => super.process(options));
    // a mutation is never sent twice: its first attempt may have done its work before the answer was lost
    const query =
      !("incomingRequestContext" in options) || options.incomingRequestContext.operation?.operation !== OperationTypeNode.MUTATION;
    try {
      const response = await (this.agency.breaker ? this.agency.breaker.execute(call, { query }) : call());
      end(response.errors?.length ? "graphql_errors" : "ok");
      return response;
    } catch (error) {
      end(isAbandonedCallError(error) ? "abandoned" : "unavailable");
      // refused without a call while the breaker is open: the same partial answer, at once
      if (isBreakerOpenError(error)) throw subgraphUnavailableError(this.agency.serviceName, error);
      throw error;
    }
  }

  // RemoteGraphQLDataSource calls this for every failure of the HTTP exchange; what it throws replaces the error.
  override didEncounterError(error: Error): void {
    // nobody waits for this answer: not the subgraph's failure, nothing to log
    if (isAbandonedCall(error)) throw abandonedCallError(this.agency.serviceName);
    const rejected = clientErrorOf(error);
    if (rejected) {
      // the subgraph refused the request (e.g. an impossible date in a variable): the client's mistake, not an outage
      throw new GraphQLError(rejected.message, { extensions: { code: rejected.code, serviceName: this.agency.serviceName } });
    }
    this.logFailure(error);
    throw subgraphUnavailableError(this.agency.serviceName, error, this.agency.timeoutMs);
  }

  private logFailure(error: Error): void {
    const now = Date.now();
    if (now - this.lastLoggedAt < LOG_INTERVAL_MS) {
      this.suppressed++;
      return;
    }
    const more = this.suppressed ? ` (${this.suppressed} more failures since the last report)` : "";
    this.lastLoggedAt = now;
    this.suppressed = 0;
    (this.agency.log ?? console.warn)(`[gateway] subgraph ${this.agency.serviceName} at ${this.url} failed: ${error.message}${more}`);
  }
}
