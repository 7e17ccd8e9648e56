import { GraphQLError } from "graphql";

/**
 * The errors of a write that a person can act on, each with its own `extensions.code` so a frontend can tell them
 * apart: the stage does not allow the change, someone else changed the record first, a retry key used for another
 * request. Bad values are `badUserInput` (lib/graphql/errors.ts), naming the input field.
 */

/**
 * The participant's stage (or another record's status, `what` naming the record) does not allow this change; names
 * the current stage and the stages it may go to.
 */
export function invalidTransition(
  mutation: string,
  current: string,
  allowed: readonly string[],
  what: { record: string; closed: string } = { record: "the participant", closed: "the case" },
): GraphQLError {
  const next = allowed.length === 0 ? `none: ${what.closed} is closed` : allowed.join(", ");
  return new GraphQLError(
    `${mutation} is not possible while ${what.record} is ${current}. From ${current} ${what.closed} may go to: ${next}.`,
    {
      extensions: { code: "INVALID_TRANSITION", currentStage: current, allowedStages: [...allowed] },
    },
  );
}

/** The record changed since the client read it (optimistic locking): read it again, then decide. */
export function conflict(what: string, expectedVersion: number, currentVersion: number): GraphQLError {
  return new GraphQLError(
    `The ${what} was changed by someone else (version ${currentVersion}, you sent ${expectedVersion}). Read it again and retry.`,
    { extensions: { code: "CONFLICT", expectedVersion, currentVersion } },
  );
}

/** Two writes collided in the database (a serialization failure or deadlock): nothing was written; retry. */
export function concurrentWrite(): GraphQLError {
  return new GraphQLError("Another change to the same records was being written at the same time; nothing was written. Retry.", {
    extensions: { code: "CONFLICT" },
  });
}

/** The idempotency key was first used for another mutation or other input. */
export function idempotencyKeyReused(key: string): GraphQLError {
  return new GraphQLError(
    `The idempotency key "${key}" was already used for a different request. Use a new key for a new request; resend the same input to retry.`,
    { extensions: { code: "IDEMPOTENCY_KEY_REUSED", argumentName: "idempotencyKey" } },
  );
}
