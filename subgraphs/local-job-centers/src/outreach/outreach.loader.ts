import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { recordsWithAccessLoader } from "@lib/loaders/records-with-access";
import { Outreach } from "./outreach.entity";

export function createOutreachLoaders(db: DataSource, participantAccess: DataLoader<string, ParticipantAccess>) {
  return {
    // at most one outreach record names a participant (a unique index enforces it); with the row rule's links and
    // consents, in the same statement
    outreachByParticipant: recordsWithAccessLoader(db, Outreach, participantAccess, "r.id"),
  };
}
