import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { recordsWithAccessLoader } from "@lib/loaders/records-with-access";
import { SaeilInternship } from "./saeil-internship.entity";

export function createSaeilInternshipLoaders(db: DataSource, participantAccess: DataLoader<string, ParticipantAccess>) {
  return {
    // with the row rule's links and consents, in the same statement
    internshipsByParticipant: recordsWithAccessLoader(db, SaeilInternship, participantAccess, "r.starts_on, r.id"),
  };
}
