import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { LocalServiceUse } from "./local-service-use.entity";

export function createLocalServiceUseLoaders(db: DataSource) {
  return {
    localServicesByParticipant: listLoader<string, LocalServiceUse>(
      (ids) => db.getRepository(LocalServiceUse).find({ where: { participantId: In([...ids]) }, order: { usedOn: "ASC", id: "ASC" } }),
      (use) => use.participantId,
    ),
  };
}
