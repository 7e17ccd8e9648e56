import type { DataSource } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import type { ParticipantSource } from "./participant-source.type";

const SQL = `
  SELECT participant_id AS "participantId", json_build_object('id', local_job_center_id) AS "localJobCenter",
         outreach_id AS "outreachId", to_char(discovered_on, 'YYYY-MM-DD') AS "discoveredOn"
  FROM participant_source WHERE participant_id = ANY($1::uuid[])`;

export function createParticipantSourceLoaders(db: DataSource) {
  return {
    sourceByParticipant: rowLoader<string, ParticipantSource & { participantId: string }>(
      (ids) => db.query(SQL, [ids]),
      (row) => row.participantId,
    ),
  };
}
