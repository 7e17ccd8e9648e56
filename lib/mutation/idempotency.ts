import { createHash } from "node:crypto";
import type { EntityManager } from "typeorm";
import { badUserInput } from "@lib/graphql/errors";
import { idempotencyKeyReused } from "./mutation-errors";

/**
 * Safe retries: a client sends a key of its own with each write; the same key and input again gets the first
 * result and writes nothing, the same key with another input is an error. Keys are per user (`sub`), so two users
 * never collide, and live in the same database and transaction as the write they guard: the write and its key
 * commit together or not at all. A concurrent retry waits on the key's row until the first one commits (or rolls
 * back, and then it runs itself).
 */
export async function createIdempotencyTable(q: { query(sql: string): Promise<unknown> }): Promise<void> {
  await q.query(`
    CREATE TABLE idempotency_key (
      user_sub   text NOT NULL,
      key        text NOT NULL,
      mutation   text NOT NULL,
      input_hash text NOT NULL,
      result     jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_sub, key))`);
}

const KEY = /^[A-Za-z0-9_.:-]{8,100}$/;

export function checkIdempotencyKey(key: string): void {
  if (!KEY.test(key)) {
    throw badUserInput(
      "idempotencyKey must be 8–100 characters of letters, digits and . _ : - (a UUID the client makes for each new request is ideal).",
      "idempotencyKey",
    );
  }
}

/** A stable hash of the input: the same values in any key order hash alike. */
export function inputHash(mutation: string, input: unknown): string {
  return createHash("sha256").update(mutation).update("\n").update(canonicalJson(input)).digest("hex");
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export interface KeyClaim {
  userSub: string;
  key: string;
  mutation: string;
  inputHash: string;
}

/** Claims the key inside the write's transaction: `null` when new, else the first request's stored result. */
export async function claimKey(tx: EntityManager, claim: KeyClaim): Promise<{ result: unknown } | null> {
  const inserted: unknown[] = await tx.query(
    `INSERT INTO idempotency_key (user_sub, key, mutation, input_hash) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1`,
    [claim.userSub, claim.key, claim.mutation, claim.inputHash],
  );
  if (inserted.length === 1) return null;
  const [first] = await tx.query<Array<{ mutation: string; input_hash: string; result: unknown }>>(
    `SELECT mutation, input_hash, result FROM idempotency_key WHERE user_sub = $1 AND key = $2`,
    [claim.userSub, claim.key],
  );
  if (first.mutation !== claim.mutation || first.input_hash !== claim.inputHash) throw idempotencyKeyReused(claim.key);
  return { result: first.result };
}

/** The key's result, its three parameters numbered from `$first`. */
const storeSql = (first: number) => `UPDATE idempotency_key SET result = $${first + 2} WHERE user_sub = $${first} AND key = $${first + 1}`;

/** An expression computed once, for the key's row, as its result is stored; its parameters numbered from `$first`. */
export interface Returning {
  expression: (first: number) => string;
  parameters: unknown[];
}

/**
 * Stores the key's result, computes `returning` (the access log's append) and runs `statement` (parameters $1…, its
 * text used as it is, with or without a WITH of its own) in one round trip: a data-modifying WITH runs to completion,
 * RETURNING included, whether or not the statement reads it, in the same transaction. The statement's rows.
 */
export async function storeResultWith<T>(
  tx: EntityManager,
  claim: KeyClaim,
  result: unknown,
  returning: Returning | null,
  statement: { sql: string; parameters: unknown[] } = { sql: "SELECT", parameters: [] },
): Promise<T[]> {
  const first = statement.parameters.length + 1;
  const stored = returning ? `${storeSql(first)} RETURNING ${returning.expression(first + 3)}` : storeSql(first);
  const own = statement.sql.trimStart();
  // the statement's own WITH goes on after the key's: one WITH list, as PostgreSQL wants data-modifying ones at the top
  const sql = /^WITH\s/i.test(own) ? `WITH stored AS (${stored}), ${own.slice(5)}` : `WITH stored AS (${stored}) ${own}`;
  return tx.query<T[]>(sql, [...statement.parameters, claim.userSub, claim.key, JSON.stringify(result), ...(returning?.parameters ?? [])]);
}
