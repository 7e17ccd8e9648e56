import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
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
export function createErrorFormatter(development: boolean) {
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
    if (original instanceof Error && !(original instanceof GraphQLError)) {
      console.error("[error]", original);
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
const CLIENT_EXTENSION_KEYS = ["argumentName", "field", "reason", "limit"] as const;

function clientExtensions(extensions: GraphQLFormattedError["extensions"], code: string): Record<string, unknown> {
  const kept: Record<string, unknown> = { code };
  for (const key of CLIENT_EXTENSION_KEYS) {
    const value = extensions?.[key];
    if (typeof value === "string" || typeof value === "number") kept[key] = value;
  }
  return kept;
}
