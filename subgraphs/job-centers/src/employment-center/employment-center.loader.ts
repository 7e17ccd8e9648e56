import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import { EmploymentCenter } from "./employment-center.entity";

export function createEmploymentCenterLoaders(db: DataSource) {
  const repository = db.getRepository(EmploymentCenter);
  return {
    employmentCenterById: rowLoader<number, EmploymentCenter>(
      (ids) => repository.findBy({ id: In([...ids]) }),
      (center) => center.id,
    ),
    employmentCentersByRegion: listLoader<string, EmploymentCenter>(
      (codes) => repository.find({ where: { regionCode: In([...codes]) }, order: { id: "ASC" } }),
      (center) => center.regionCode,
    ),
  };
}
