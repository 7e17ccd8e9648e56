import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Participant } from "./participant.entity";

export function createParticipantLoaders(db: DataSource) {
  return {
    participantById: rowLoader<string, Participant>(
      (ids) => db.getRepository(Participant).findBy({ id: In([...ids]) }),
      (participant) => participant.id,
    ),
  };
}
