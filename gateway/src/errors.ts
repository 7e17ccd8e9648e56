import { BrokenCircuitError, IsolatedCircuitError } from "cockatiel";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { SUBGRAPH_UNAVAILABLE, USER_FACING_CODES } from "@lib/graphql/error-codes";
import { SUBGRAPHS } from "@subgraphs/registry";

/** Why a subgraph call failed, as told to clients in `extensions.reason` (no URL, no address, no stack). */
export type SubgraphFailureReason = "UNREACHABLE" | "TIMEOUT" | "HTTP_ERROR" | "BAD_RESPONSE" | "CIRCUIT_OPEN";

/**
 * Extension keys that only ever carry internals (stack traces, the subgraph's URL and raw body, SQL text and
 * parameters from a database driver). Anything else a subgraph puts in `extensions` (e.g. validation details) is
 * meant for the client and passes through.
 */
const INTERNAL_EXTENSION_KEYS = [
  "stacktrace",
  "exception",
  "response",
  "originalError",
  "cause",
  "stack",
  "http",
  "sql",
  "query",
  "parameters",
  "driverError",
];

/** The agency behind a subgraph, as each subgraph declares it (`subgraphs/<name>/src/subgraph.ts`); unknown names are quoted as they are. */
export function agencyOf(serviceName: string): string {
  return (SUBGRAPHS as Record<string, { agency: string } | undefined>)[serviceName]?.agency ?? `"${serviceName}"`;
}

/** Sorts a failed subgraph call (a thrown transport, HTTP or parsing error) into a {@link SubgraphFailureReason}. */
export function classifySubgraphFailure(error: unknown): { reason: SubgraphFailureReason; status?: number } {
  const e = (error ?? {}) as { name?: string; code?: string; message?: string; extensions?: Record<string, unknown> };
  const response = e.extensions?.response as { status?: unknown } | undefined;
  // RemoteGraphQLDataSource.errorFromResponse describes a non-2xx answer as a GraphQLError with extensions.response.
  if (typeof response?.status === "number") return { reason: "HTTP_ERROR", status: response.status };
  // cockatiel's BrokenCircuitError / IsolatedCircuitError: the breaker refused the call (subgraph-breaker.ts)
  if (error instanceof BrokenCircuitError || error instanceof IsolatedCircuitError) return { reason: "CIRCUIT_OPEN" };
  if (e.name === "TimeoutError" || e.code === "SUBGRAPH_TIMEOUT" || e.code === "ETIMEDOUT" || e.code === "UND_ERR_HEADERS_TIMEOUT") {
    return { reason: "TIMEOUT" };
  }
  if (e.name === "SyntaxError" || e.message?.startsWith("Expected JSON response body")) return { reason: "BAD_RESPONSE" };
  return { reason: "UNREACHABLE" };
}

/**
 * The error that stands in for a failed call to subgraph `serviceName`. Apollo Gateway keeps the other subgraphs'
 * data and nulls this one's fields; the message tells the reader which agency is missing. `error` is kept as
 * `originalError` for the server log and for development responses only.
 */
export function subgraphUnavailableError(serviceName: string, error: unknown, timeoutMs?: number): GraphQLError {
  const { reason, status } = classifySubgraphFailure(error);
  const service = `The ${agencyOf(serviceName)} service`;
  const outcome = "its fields are null in this response.";
  let message: string;
  if (reason === "CIRCUIT_OPEN") {
    message = `${service} is unavailable (its recent calls failed; it is tried again shortly); ${outcome}`;
  } else if (reason === "TIMEOUT") {
    message = `${service} did not answer${timeoutMs ? ` within ${timeoutMs / 1000} s` : " in time"}; ${outcome}`;
  } else if (reason === "UNREACHABLE" || (status !== undefined && status >= 500)) {
    message = `${service} is unavailable; ${outcome}`;
  } else {
    message = `${service} sent an unusable response; ${outcome}`;
  }
  return new GraphQLError(message, {
    originalError: error instanceof Error ? error : undefined,
    extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName, reason, ...(status === undefined ? {} : { status }) },
  });
}

/** Options of {@link formatGatewayError}. */
export interface FormatErrorOptions {
  /** Development mode: keep everything (stack traces included) and add the cause of subgraph failures. */
  development: boolean;
}

/**
 * Apollo Server's `formatError` for the gateway. Outside development:
 * - client errors (parse, validation, bad input, unavailable subgraph…) keep their message and code;
 * - errors from a subgraph (`extensions.serviceName`) keep message and code — subgraphs mask their own internals —
 *   but lose internal extensions such as `stacktrace` and `exception`;
 * - anything else is the gateway's own bug and becomes `Internal server error` / `INTERNAL_SERVER_ERROR`.
 */
export function formatGatewayError(formatted: GraphQLFormattedError, error: unknown, options: FormatErrorOptions): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (options.development) {
    const cause = originalErrorOf(error);
    if (code !== SUBGRAPH_UNAVAILABLE || !cause) return formatted;
    return { ...formatted, extensions: { ...formatted.extensions, cause: cause.message } };
  }
  const fromSubgraph = typeof formatted.extensions?.serviceName === "string";
  if (fromSubgraph || (typeof code === "string" && USER_FACING_CODES.has(code))) {
    return { ...formatted, extensions: withoutInternalKeys(formatted.extensions) };
  }
  return {
    message: "Internal server error",
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: "INTERNAL_SERVER_ERROR" },
  };
}

/**
 * Keeps one of each SUBGRAPH_UNAVAILABLE error per subgraph and message: a query that reaches a down subgraph
 * several times (a root field here, entities there) should say so once. Other errors carry paths and all stay.
 */
export function dedupeUnavailableErrors(errors: readonly GraphQLFormattedError[]): GraphQLFormattedError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    if (error.extensions?.code !== SUBGRAPH_UNAVAILABLE) return true;
    const key = `${String(error.extensions.serviceName)}\n${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function withoutInternalKeys(extensions: GraphQLFormattedError["extensions"]): Record<string, unknown> {
  const kept: Record<string, unknown> = { ...extensions };
  for (const key of INTERNAL_EXTENSION_KEYS) delete kept[key];
  return kept;
}

function originalErrorOf(error: unknown): Error | undefined {
  const original = (error as { originalError?: unknown } | undefined)?.originalError;
  return original instanceof Error ? original : undefined;
}
