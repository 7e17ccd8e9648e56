import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import { LocalJobCenter } from "./local-job-center.entity";

export function createLocalJobCenterLoaders(db: DataSource) {
  const repository = db.getRepository(LocalJobCenter);
  return {
    localJobCenterById: rowLoader<number, LocalJobCenter>(
      (ids) => repository.findBy({ id: In([...ids]) }),
      (center) => center.id,
    ),
    localJobCentersByRegion: listLoader<string, LocalJobCenter>(
      (codes) => repository.find({ where: { regionCode: In([...codes]) }, order: { id: "ASC" } }),
      (center) => center.regionCode,
    ),
  };
}
