import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Outreach } from "./outreach.entity";

export function createOutreachLoaders(db: DataSource) {
  return {
    // at most one outreach record names a participant (a unique index enforces it)
    outreachByParticipant: rowLoader<string, Outreach>(
      (ids) => db.getRepository(Outreach).findBy({ participantId: In([...ids]) }),
      (outreach) => outreach.participantId as string,
    ),
  };
}
