import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";

/**
 * The links and the consents in force of the participant `k.id`, as two json columns: the one definition of what a
 * row rule reads, used alone (below) and beside an agency's records (records-with-access.ts).
 */
export const ACCESS_COLUMNS = `
  coalesce((SELECT json_agg(json_build_object('kind', l.office_kind, 'id', l.office_id))
            FROM participant_link l WHERE l.participant_id = k.id), '[]') AS links,
  coalesce((SELECT json_agg(json_build_object('viewerKind', c.viewer_kind, 'recordsKind', c.records_kind))
            FROM participant_consent c
            WHERE c.participant_id = k.id AND c.given_at <= now() AND (c.withdrawn_at IS NULL OR c.withdrawn_at > now())),
           '[]') AS consents`;

/**
 * Links and consents in force of a batch of participants, in one statement, from this agency's own copy. Consents
 * are read per request and never cached across requests, so a withdrawal takes effect on the next request.
 */
const SQL = `
  SELECT k.id::text AS id, ${ACCESS_COLUMNS}
  FROM unnest($1::uuid[]) WITH ORDINALITY AS k(id, i)
  ORDER BY k.i`;

export function createParticipantAccessLoaders(db: DataSource) {
  const participantAccess = new DataLoader<string, ParticipantAccess>(async (ids) => {
    const rows: Array<{ id: string } & ParticipantAccess> = await db.query(SQL, [ids]);
    return rows.map(({ links, consents }) => ({ links, consents }));
  });
  return { participantAccess };
}
