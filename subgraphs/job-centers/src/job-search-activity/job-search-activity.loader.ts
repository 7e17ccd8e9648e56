import type { DataSource } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { JobSearchActivity } from "./job-search-activity.type";

const SQL = `
  SELECT id::text, participant_id AS "participantId", kind, to_char(done_on, 'YYYY-MM-DD') AS "doneOn", description
  FROM job_search_activity WHERE participant_id = ANY($1::uuid[])
  ORDER BY done_on, id`;

export function createJobSearchActivityLoaders(db: DataSource) {
  return {
    jobSearchActivitiesByParticipant: listLoader<string, JobSearchActivity & { participantId: string }>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}
