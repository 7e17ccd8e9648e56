/**
 * `extensions.code` values whose messages are written for the person who sent the request: passed on as they are by
 * the subgraphs and by the gateway. Every other error is masked outside development (its message may hold SQL or
 * internals). The one list both sides use, so the gateway never masks what a subgraph meant for the client.
 */
export const USER_FACING_CODES: ReadonlySet<string> = new Set([
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "OPERATION_RESOLUTION_FAILURE",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "PERSISTED_QUERY_NOT_IN_SAFELIST",
  "RATE_LIMITED",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "SUBGRAPH_UNAVAILABLE",
  "DATABASE_UNAVAILABLE",
  "SUPPRESSED",
  "INVALID_TRANSITION",
  "CONFLICT",
  "IDEMPOTENCY_KEY_REUSED",
]);

/** `extensions.code` of the error that replaces a failed subgraph call. */
export const SUBGRAPH_UNAVAILABLE = "SUBGRAPH_UNAVAILABLE";

/** `extensions.code` of a report figure withheld because it could identify a person (lib/reports/suppressed-figure.ts). */
export const SUPPRESSED = "SUPPRESSED";

/** `extensions.code` of a field a subgraph could not read because its database is unreachable (it reconnects by itself). */
export const DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
