import { unwrapResolverError } from "@apollo/server/errors";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { USER_FACING_CODES } from "./error-codes";

/** An argument a person can fix: the message says what is wrong and what is allowed. */
export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: "BAD_USER_INPUT", ...(argumentName ? { argumentName } : {}) },
  });
}

/**
 * Apollo Server `formatError`: keeps user-facing errors, and outside development replaces anything else
 * (database errors carry SQL text and table names) by a generic message.
 */
export function createErrorFormatter(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (typeof code === "string" && USER_FACING_CODES.has(code)) {
      return development ? formatted : { ...formatted, extensions: { code } };
    }
    if (development) return formatted;
    const original = unwrapResolverError(error);
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
