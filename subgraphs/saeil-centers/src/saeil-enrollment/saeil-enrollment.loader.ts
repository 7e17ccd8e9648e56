import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { SaeilEnrollment } from "./saeil-enrollment.entity";

export function createSaeilEnrollmentLoaders(db: DataSource) {
  return {
    enrollmentsByParticipant: listLoader<string, SaeilEnrollment>(
      (ids) => db.getRepository(SaeilEnrollment).find({ where: { participantId: In([...ids]) }, order: { enrolledOn: "ASC", id: "ASC" } }),
      (e) => e.participantId,
    ),
  };
}
