import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { recordsWithAccessLoader } from "@lib/loaders/records-with-access";
import { LocalServiceUse } from "./local-service-use.entity";

export function createLocalServiceUseLoaders(db: DataSource, participantAccess: DataLoader<string, ParticipantAccess>) {
  return {
    // with the row rule's links and consents, in the same statement
    localServicesByParticipant: recordsWithAccessLoader(db, LocalServiceUse, participantAccess, "r.used_on, r.id"),
  };
}
