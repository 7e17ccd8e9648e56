import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "@lib/log/logger";
import { isAbandonedWork } from "@lib/db/cancel-abandoned-queries";
import { isDatabaseUnavailable } from "@lib/db/database-unavailable";
import { DATABASE_UNAVAILABLE, USER_FACING_CODES } from "./error-codes";

/** An argument a person can fix: the message says what is wrong and what is allowed. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "BAD_USER_INPUT", ...(argumentName ? { argumentName } : {}) },
  });
}

/**
 * A literal a scalar refuses (`appliedFrom: "2022-02-30"` written in the query) fails validation, and Apollo Server
 * codes every validation error GRAPHQL_VALIDATION_FAILED; the scalar's own BAD_USER_INPUT is kept instead, so that
 * the gateway passes it on as the client's mistake (as it does for the same value sent in a variable).
 */
function keepUserInputCode(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (formatted.extensions?.code !== "GRAPHQL_VALIDATION_FAILED" || !(error instanceof GraphQLError)) return formatted;
  const original = error.originalError;
  if (!(original instanceof GraphQLError) || original.extensions?.code !== "BAD_USER_INPUT") return formatted;
  return { ...formatted, extensions: { ...formatted.extensions, code: "BAD_USER_INPUT" } };
}

/**
 * Apollo Server `formatError`: keeps user-facing errors, and outside development replaces anything else
 * (database errors carry SQL text and table names) by a generic message.
 */
export function createErrorFormatter(development: boolean, logger: Pick<Logger, "error">) {
  return (given: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const formatted = keepUserInputCode(given, error);
    const code = formatted.extensions?.code;
    if (typeof code === "string" && USER_FACING_CODES.has(code)) {
      return development ? formatted : { ...formatted, extensions: clientExtensions(formatted.extensions, code) };
    }
    const original = unwrapResolverError(error);
    if (isDatabaseUnavailable(original)) {
      // no SQL, address or driver text: the outage alone, which the client can wait out
      return {
        message: "This agency's database cannot be reached right now; try again shortly.",
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: DATABASE_UNAVAILABLE },
      };
    }
    if (development) return formatted;
    if (original instanceof Error && !(original instanceof GraphQLError) && !isAbandonedWork(original)) {
      // described, not serialised: a driver's error object carries the query's parameters (personal data)
      logger.error({ error: describeInternal(original) }, "masked internal error");
    }
    return {
      message: "Internal server error",
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}

/**
 * Extension keys written for the client alongside a user-facing code (which argument, which field, which limit,
 * why), passed on outside development; anything else a library put there (stack traces, SQL, causes) is dropped.
 */
const CLIENT_EXTENSION_KEYS = [
  "argumentName",
  "field",
  "reason",
  "limit",
  // a write refused: the case's stage and where it may go (INVALID_TRANSITION), the versions (CONFLICT)
  "currentStage",
  "allowedStages",
  "expectedVersion",
  "currentVersion",
] as const;

function clientExtensions(extensions: GraphQLFormattedError["extensions"], code: string): Record<string, unknown> {
  const kept: Record<string, unknown> = { code };
  for (const key of CLIENT_EXTENSION_KEYS) {
    const value = extensions?.[key];
    const strings = Array.isArray(value) && value.every((item) => typeof item === "string");
    if (typeof value === "string" || typeof value === "number" || strings) kept[key] = value;
  }
  return kept;
}

/**
 * An internal error as the log may hold it: its kind, the driver's code, the message and where it was thrown; never
 * the query's parameters or the row a database error quotes (`detail`), which hold personal data.
 */
function describeInternal(error: Error): string {
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? "")
    .split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .slice(0, 5);
  return [`${error.name}${typeof code === "string" ? ` ${code}` : ""}: ${error.message}`, ...frames].join("\n");
}
