import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { decodeCursor, encodeCursor, isIsoDate, isPositiveInt, pageSize, toPage } from "@lib/graphql/pagination";
import type { CounselingSessionConnection } from "./counseling-session.connection";
import type { CounselingSession } from "./counseling-session.entity";

type SessionCursor = [heldOn: string, id: number];

interface SessionRow extends CounselingSession {
  total: number;
}

/**
 * Per participant: the total, and the page after the cursor, most recent first. A LATERAL join reads each
 * participant's page straight off the (participant_id, held_on, id) index; one statement for the whole batch.
 */
const SQL = `
  SELECT t.participant_id AS "participantId", t.total, s.id, s.counselor_id AS "counselorId",
         to_char(s.held_on, 'YYYY-MM-DD') AS "heldOn", s.mode, s.topic
  FROM (SELECT participant_id, count(*)::int AS total FROM counseling_session
        WHERE participant_id = ANY($1::uuid[]) GROUP BY participant_id) t
  LEFT JOIN LATERAL (
    SELECT * FROM counseling_session c
    WHERE c.participant_id = t.participant_id AND ($3::date IS NULL OR (c.held_on, c.id) < ($3::date, $4::bigint))
    ORDER BY c.held_on DESC, c.id DESC LIMIT $2
  ) s ON true
  ORDER BY t.participant_id, s.held_on DESC, s.id DESC`;

const cursorOf = (s: CounselingSession) => encodeCursor([s.heldOn, Number(s.id)]);

/** A loader for one page shape (`first`, `after`). */
function createPageLoader(db: DataSource, first: number | null | undefined, after: string | null | undefined) {
  const limit = pageSize(first);
  const cursor = after != null ? decodeCursor<SessionCursor>(after, [isIsoDate, isPositiveInt]) : null;
  return new DataLoader<string, CounselingSessionConnection>(async (ids) => {
    const rows: SessionRow[] = await db.query(SQL, [ids, limit + 1, cursor?.[0] ?? null, cursor?.[1] ?? null]);
    const byParticipant = new Map<string, { total: number; sessions: CounselingSession[] }>();
    for (const row of rows) {
      const entry = byParticipant.get(row.participantId) ?? { total: row.total, sessions: [] };
      if (row.id !== null) entry.sessions.push({ ...row, id: String(row.id) });
      byParticipant.set(row.participantId, entry);
    }
    return ids.map((id) => {
      const entry = byParticipant.get(id) ?? { total: 0, sessions: [] };
      return { totalCount: entry.total, ...toPage(entry.sessions, limit, cursorOf) };
    });
  });
}

/**
 * Counselling sessions per participant, one loader per page shape: every participant of a request asking for the
 * same page (the usual case: a caseload's rows) is batched into one statement.
 */
export function createCounselingSessionLoaders(db: DataSource) {
  const byShape = new Map<string, ReturnType<typeof createPageLoader>>();
  return {
    counselingSessions(first?: number | null, after?: string | null) {
      const shape = JSON.stringify([first ?? null, after ?? null]);
      let loader = byShape.get(shape);
      if (!loader) {
        loader = createPageLoader(db, first, after);
        byShape.set(shape, loader);
      }
      return loader;
    },
  };
}
