import type { DataSource } from "typeorm";
import { rowLoader } from "./by-key";

/** What an agency learnt of a participant's case end from the employment center's events (`participant_notice`). */
export interface ParticipantNotice {
  participantId: string;
  /** Employed 30+ hours a week (Act §29): `ParticipantEmployed`. */
  employedOn: string | null;
  /** The case closed: `ParticipantClosed`. */
  closedOn: string | null;
}

// the close reason stays in the table, unread: the other agencies act on the fact of the end, not on its reason
const SQL = `
  SELECT participant_id AS "participantId", to_char(employed_on, 'YYYY-MM-DD') AS "employedOn", to_char(closed_on, 'YYYY-MM-DD') AS "closedOn"
  FROM participant_notice WHERE participant_id = ANY($1::uuid[])`;

/** The notices of a batch of participants, one statement, null for a participant without one (welfare and Saeil centers). */
export function createParticipantNoticeLoaders(db: DataSource) {
  return {
    noticeByParticipant: rowLoader<string, ParticipantNotice>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}
