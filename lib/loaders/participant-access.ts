import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import type { OfficeKind } from "@lib/auth/roles";

/**
 * The links and the consents in force of the participants `$1` (a uuid[]), one flat row each: `kind` 1 is a link
 * (`a` its office kind, `b` its office id), 2 a consent (`a` whose staff may see, `b` which agency's records). The
 * one definition of what a row rule reads, used alone (below) and beside an agency's records (records-with-access.ts).
 * Flat rows of two index scans with `= ANY`, not a json aggregate per participant: with 50 participants a page, the
 * correlated subqueries cost PostgreSQL twice the time (0.45 against 1.1 ms a statement, measured with pgbench).
 */
export const ACCESS_ROWS = `
  SELECT l.participant_id::text AS pid, 1 AS kind, l.office_kind AS a, l.office_id::text AS b
  FROM participant_link l WHERE l.participant_id = ANY($1::uuid[])
  UNION ALL
  SELECT c.participant_id::text, 2, c.viewer_kind, c.records_kind
  FROM participant_consent c
  WHERE c.participant_id = ANY($1::uuid[]) AND c.given_at <= now() AND (c.withdrawn_at IS NULL OR c.withdrawn_at > now())`;

/** One row of {@link ACCESS_ROWS}. */
export interface AccessRow {
  pid: string;
  kind: number;
  a: string | null;
  b: string | null;
}

/** The access of each of `ids` (in their order; none for a participant without links or consents) from its rows. */
export function accessOf(ids: readonly string[], rows: readonly AccessRow[]): ParticipantAccess[] {
  const byId = new Map<string, { links: ParticipantAccess["links"][number][]; consents: ParticipantAccess["consents"][number][] }>();
  // PostgreSQL writes a uuid in lower case; a key is checked to be a hyphenated uuid (lib/graphql/ids.ts), of any case
  for (const id of ids) byId.set(id.toLowerCase(), { links: [], consents: [] });
  for (const row of rows) {
    const access = byId.get(row.pid);
    if (!access) continue;
    if (row.kind === 1) access.links.push({ kind: row.a as OfficeKind, id: Number(row.b) });
    else if (row.kind === 2) access.consents.push({ viewerKind: row.a as OfficeKind, recordsKind: row.b as OfficeKind });
  }
  return ids.map((id) => byId.get(id.toLowerCase())!);
}

/**
 * Links and consents in force of a batch of participants, in one statement, from this agency's own copy. Consents
 * are read per request and never cached across requests, so a withdrawal takes effect on the next request.
 */
export function createParticipantAccessLoaders(db: DataSource) {
  const participantAccess = new DataLoader<string, ParticipantAccess>(async (ids) => accessOf(ids, await db.query(ACCESS_ROWS, [ids])));
  return { participantAccess };
}
