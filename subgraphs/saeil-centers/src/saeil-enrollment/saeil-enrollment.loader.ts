import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { recordsWithAccessLoader } from "@lib/loaders/records-with-access";
import { SaeilEnrollment } from "./saeil-enrollment.entity";

export function createSaeilEnrollmentLoaders(db: DataSource, participantAccess: DataLoader<string, ParticipantAccess>) {
  return {
    // with the row rule's links and consents, in the same statement
    enrollmentsByParticipant: recordsWithAccessLoader(db, SaeilEnrollment, participantAccess, "r.enrolled_on, r.id"),
  };
}
