import type { DataSource } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { WorkExperience } from "./work-experience.type";

const SQL = `
  SELECT w.participant_id AS "participantId", c.name AS "companyName",
         to_char(w.started_on, 'YYYY-MM-DD') AS "startedOn", to_char(w.ended_on, 'YYYY-MM-DD') AS "endedOn"
  FROM work_experience w JOIN work_experience_company c ON c.id = w.company_id
  WHERE w.participant_id = ANY($1::uuid[])
  ORDER BY w.started_on, w.id`;

export function createWorkExperienceLoaders(db: DataSource) {
  return {
    workExperiencesByParticipant: listLoader<string, WorkExperience>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}
