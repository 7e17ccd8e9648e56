import { badUserInput } from "@lib/graphql/errors";
import { UUID_PATTERN } from "@lib/graphql/ids";
import { quote } from "@lib/graphql/input-checks";

/**
 * Which entries an auditor asks for, checked, in one canonical form. It is also the identity of the `AccessLog`
 * entity: each agency keeps its own log in its own database, so the graph asks each subgraph for `AccessLog` by
 * this id (base64url of the canonical JSON), and each decodes it and reads its own entries.
 */
export interface AccessLogFilterValue {
  participantId: string | null;
  userSub: string | null;
  /** Instants as ISO-8601 UTC with milliseconds, both bounds included. */
  from: string | null;
  to: string | null;
}

/** What the `AccessLogFilter` input holds once its scalars are parsed (`DateTime` gives a Date). */
export interface AccessLogFilterInput {
  participantId?: string | null;
  userSub?: string | null;
  from?: Date | null;
  to?: Date | null;
}

const SUB_MAX = 256;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The input checked: a malformed part is BAD_USER_INPUT naming it, and so is `from` after `to`. */
export function checkedAccessLogFilter(input: AccessLogFilterInput): AccessLogFilterValue {
  const { participantId, userSub, from, to } = input;
  if (participantId != null && !UUID_PATTERN.test(participantId)) {
    throw badUserInput(`"filter.participantId" must be a participant's id (a UUID); got ${quote(participantId)}.`, "filter");
  }
  if (userSub != null && (userSub.length === 0 || userSub.length > SUB_MAX)) {
    throw badUserInput(`"filter.userSub" must be a user's token subject, 1–${SUB_MAX} characters.`, "filter");
  }
  for (const [name, value] of [["from", from] as const, ["to", to] as const]) {
    if (value != null && !(value instanceof Date && Number.isFinite(value.getTime()))) {
      throw badUserInput(`"filter.${name}" must be an instant such as "2022-03-02T00:00:00.000Z"; got ${quote(value)}.`, "filter");
    }
  }
  if (from != null && to != null && from.getTime() > to.getTime()) {
    throw badUserInput(`"filter.from" must not be after "filter.to".`, "filter");
  }
  return {
    participantId: participantId?.toLowerCase() ?? null,
    userSub: userSub ?? null,
    from: from?.toISOString() ?? null,
    to: to?.toISOString() ?? null,
  };
}

/** The entity id of a filter: the same filter always gives the same id. */
export function accessLogId(filter: AccessLogFilterValue): string {
  const canonical = [filter.participantId, filter.userSub, filter.from, filter.to];
  return Buffer.from(JSON.stringify(canonical), "utf8").toString("base64url");
}

/** The filter an id encodes, checked as the input was; null when the id is not one {@link accessLogId} makes. */
export function accessLogFilterOf(id: unknown): AccessLogFilterValue | null {
  let parts: unknown;
  try {
    parts = typeof id === "string" ? JSON.parse(Buffer.from(id, "base64url").toString("utf8")) : undefined;
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 4) return null;
  const [participantId, userSub, from, to] = parts as unknown[];
  const nullOr = (value: unknown, check: (v: string) => boolean) => value === null || (typeof value === "string" && check(value));
  const valid =
    nullOr(participantId, (v) => UUID_PATTERN.test(v) && v === v.toLowerCase()) &&
    nullOr(userSub, (v) => v.length > 0 && v.length <= SUB_MAX && !v.includes("\u0000")) &&
    nullOr(from, isInstant) &&
    nullOr(to, isInstant) &&
    (from === null || to === null || (from as string) <= (to as string));
  if (!valid) return null;
  const filter = { participantId, userSub, from, to } as AccessLogFilterValue;
  // canonical only: another encoding of the same filter is not this entity's id
  return accessLogId(filter) === id ? filter : null;
}

function isInstant(value: string): boolean {
  return INSTANT.test(value) && Number.isFinite(Date.parse(value)) && new Date(value).toISOString() === value;
}
