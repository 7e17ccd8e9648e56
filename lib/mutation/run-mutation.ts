import { createHash } from "node:crypto";
import { print, type GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { accessLogRow, APPEND_SQL, type TracedOperation } from "@lib/audit/access-log-row";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { checkIdempotencyKey, claimKey, inputHash, storeResult, storeResultWith, type KeyClaim } from "./idempotency";
import { concurrentWrite } from "./mutation-errors";

/** What a write did: its result (plain JSON: ids and values, stored for retries) and whom it concerned. */
export interface WriteOutcome<R> {
  result: R;
  /** The participants whose records it wrote: the access log's row names them. */
  participantIds: readonly string[];
}

export interface MutationRun {
  /** The mutation's field name, e.g. `applyForProgram`. */
  mutation: string;
  idempotencyKey: string;
  /** Everything the client sent but the key: the same key with other input is refused. */
  input: unknown;
}

// serialization failure, deadlock: the database undid the transaction, the client may simply retry
const RETRYABLE = new Set(["40001", "40P01"]);

/**
 * Runs one mutation the way every write of the platform runs: in one READ COMMITTED transaction that holds the
 * write, its idempotency key and its access-log entry (appended last, so the log's lock is held for the commit
 * only), or none of them. A retry with the same key and input returns the first result and writes nothing.
 */
export async function runMutation<R>(
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  run: MutationRun,
  write: (tx: EntityManager) => Promise<WriteOutcome<R>>,
): Promise<R> {
  checkIdempotencyKey(run.idempotencyKey);
  const { viewer } = ctx;
  // the schema's rules let only signed-in staff reach a mutation; this is the belt to those braces
  if (viewer.kind !== "user") throw new Error("runMutation without a signed-in user");
  const claim: KeyClaim = {
    userSub: viewer.sub,
    key: run.idempotencyKey,
    mutation: run.mutation,
    inputHash: inputHash(run.mutation, run.input),
  };
  try {
    // READ COMMITTED, as every transaction of the pool (lib/db/data-source.ts pins it on the connection, so that
    // beginning costs one statement, not two); access_log_append refuses any other level
    return await ctx.db.transaction(async (tx) => {
      const first = await claimKey(tx, claim);
      if (first !== null) return first.result as R;
      const outcome = await write(tx);
      if (outcome.participantIds.length === 0) {
        await storeResult(tx, claim, outcome.result);
        return outcome.result;
      }
      // the key's result and the log's row in one round trip, the log last: its chain's lock is held for the commit only
      const entry = accessLogRow({
        action: "WRITE",
        subgraph: ctx.subgraph,
        viewer,
        trace: ctx.trace,
        operation: ctx.trace.operation ?? ownOperation(info),
        participantIds: outcome.participantIds,
      });
      await storeResultWith(tx, claim, outcome.result, { sql: APPEND_SQL, parameters: entry });
      return outcome.result;
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && RETRYABLE.has(code)) throw concurrentWrite();
    throw error;
  }
}

/** A direct caller's operation, as this subgraph received it. */
function ownOperation(info: GraphQLResolveInfo): TracedOperation {
  return { name: info.operation.name?.value ?? null, hash: createHash("sha256").update(print(info.operation)).digest("hex") };
}
