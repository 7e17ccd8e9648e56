import { createHash } from "node:crypto";
import { print, type GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { accessLogRow, appendCall, type TracedOperation } from "@lib/audit/access-log-row";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { checkIdempotencyKey, claimKey, inputHash, storeResultWith, type KeyClaim } from "./idempotency";
import { concurrentWrite } from "./mutation-errors";

/** What a write did: its result (plain JSON: ids and values, stored for retries) and whom it concerned. */
export interface WriteOutcome<R> {
  result: R;
  /** The participants whose records it wrote: the access log's row names them. */
  participantIds: readonly string[];
}

/**
 * Runs a write's last statement (parameters $1…, with or without a WITH of its own) in the round trip that stores the
 * key's result and appends the log's row: the outcome must then be what the write returns. The statement's rows.
 */
export type FinishWrite = <T>(outcome: WriteOutcome<unknown>, last: { sql: string; parameters: unknown[] }) => Promise<T[]>;

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
  write: (tx: EntityManager, finish: FinishWrite) => Promise<WriteOutcome<R>>,
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
      let finished: WriteOutcome<unknown> | null = null;
      const finish: FinishWrite = (outcome, last) => {
        if (finished) throw new Error(`${run.mutation} finished its write twice`);
        finished = outcome;
        return storeWithLogRow(ctx, info, tx, claim, outcome, last);
      };
      const outcome = await write(tx, finish);
      if (finished !== null) {
        // what was stored for retries is what this request answers
        if (finished !== outcome) throw new Error(`${run.mutation} returned another outcome than the one it finished with`);
        return outcome.result;
      }
      await storeWithLogRow(ctx, info, tx, claim, outcome);
      return outcome.result;
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && RETRYABLE.has(code)) throw concurrentWrite();
    throw error;
  }
}

/**
 * The key's result and, when the write concerned anyone, the log's row, in one round trip with the write's `last`
 * statement if it has one. The log's row comes last in the transaction, so its chain's lock is held for the commit only.
 */
function storeWithLogRow<T>(
  ctx: SubgraphContext,
  info: GraphQLResolveInfo,
  tx: EntityManager,
  claim: KeyClaim,
  outcome: WriteOutcome<unknown>,
  last?: { sql: string; parameters: unknown[] },
): Promise<T[]> {
  if (outcome.participantIds.length === 0) return storeResultWith<T>(tx, claim, outcome.result, null, last);
  const entry = accessLogRow({
    action: "WRITE",
    subgraph: ctx.subgraph,
    viewer: ctx.viewer,
    trace: ctx.trace,
    operation: ctx.trace.operation ?? ownOperation(info),
    participantIds: outcome.participantIds,
  });
  return storeResultWith<T>(tx, claim, outcome.result, { expression: appendCall, parameters: entry }, last);
}

/** A direct caller's operation, as this subgraph received it. */
function ownOperation(info: GraphQLResolveInfo): TracedOperation {
  return { name: info.operation.name?.value ?? null, hash: createHash("sha256").update(print(info.operation)).digest("hex") };
}
