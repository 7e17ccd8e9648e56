import "reflect-metadata";
import { Field, ObjectType } from "type-graphql";
import { badUserInput } from "./errors";
import { UUID_PATTERN } from "./ids";
import { isCalendarDate } from "./input-checks";

/** Page sizes a client may ask for: Relay-style `first`, 1..100, 20 when omitted. */
export const PAGE_SIZE = { default: 20, max: 100 } as const;

@ObjectType({ description: "Relay-style page information." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor: string | null;
}

/** `first` checked against the limits; a value outside them is the client's mistake, not an empty page. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return PAGE_SIZE.default;
  if (!Number.isInteger(first) || first < 1 || first > PAGE_SIZE.max) {
    throw badUserInput(`"first" must be between 1 and ${PAGE_SIZE.max}; got ${first}.`, "first");
  }
  return first;
}

/** An opaque cursor over a sort key (e.g. `[appliedOn, id]`): base64url of its JSON. */
export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/**
 * Decodes a cursor made by `encodeCursor` and checks each part with `checks`; anything else (edited, truncated,
 * from another field) is rejected as BAD_USER_INPUT rather than silently starting over.
 */
export function decodeCursor<T extends (string | number)[]>(cursor: string, checks: { [K in keyof T]: (part: unknown) => boolean }): T {
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    parts = undefined;
  }
  const valid = Array.isArray(parts) && parts.length === checks.length && checks.every((check, i) => check(parts[i]));
  if (!valid) throw badUserInput(`"after" is not a cursor returned by this field: ${JSON.stringify(cursor)}.`, "after");
  return parts as T;
}

/** Edges and page info from `limit + 1` fetched rows: the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], limit: number, cursorOf: (row: T) => string) {
  const nodes = rows.slice(0, limit);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  const pageInfo: PageInfo = { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null };
  return { edges, pageInfo };
}

/** A real calendar date (not 2022-02-30, which `Date.parse` accepts and PostgreSQL refuses). */
export const isIsoDate = (part: unknown): boolean => isCalendarDate(part);
export const isUuid = (part: unknown): boolean => typeof part === "string" && UUID_PATTERN.test(part) && part === part.toLowerCase();
export const isPositiveInt = (part: unknown): boolean => typeof part === "number" && Number.isSafeInteger(part) && part > 0;
