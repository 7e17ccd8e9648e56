import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Employment } from "./employment.entity";

export function createEmploymentLoaders(db: DataSource) {
  return {
    employmentByParticipant: rowLoader<string, Employment>(
      (ids) => db.getRepository(Employment).findBy({ participantId: In([...ids]) }),
      (employment) => employment.participantId,
    ),
  };
}
