import type { DataSource } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { ShortHoursJob } from "./short-hours-job.type";

const SQL = `
  SELECT participant_id AS "participantId", to_char(employed_on, 'YYYY-MM-DD') AS "employedOn", employer_name AS "employerName",
         occupation, weekly_hours AS "weeklyHours", via_placement AS "viaPlacement"
  FROM short_hours_job WHERE participant_id = ANY($1::uuid[])
  ORDER BY employed_on, id`;

export function createShortHoursJobLoaders(db: DataSource) {
  return {
    shortHoursJobsByParticipant: listLoader<string, ShortHoursJob & { participantId: string }>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}
