import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { SaeilInternship } from "./saeil-internship.entity";

export function createSaeilInternshipLoaders(db: DataSource) {
  return {
    internshipsByParticipant: listLoader<string, SaeilInternship>(
      (ids) => db.getRepository(SaeilInternship).find({ where: { participantId: In([...ids]) }, order: { startsOn: "ASC", id: "ASC" } }),
      (internship) => internship.participantId,
    ),
  };
}
