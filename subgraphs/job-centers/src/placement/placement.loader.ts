import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { Placement } from "./placement.entity";

export function createPlacementLoaders(db: DataSource) {
  return {
    placementsByParticipant: listLoader<string, Placement>(
      (ids) => db.getRepository(Placement).find({ where: { participantId: In([...ids]) }, order: { referredOn: "ASC", id: "ASC" } }),
      (placement) => placement.participantId,
    ),
  };
}
