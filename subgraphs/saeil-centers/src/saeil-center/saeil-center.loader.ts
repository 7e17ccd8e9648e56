import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import { SaeilCenter } from "./saeil-center.entity";

export function createSaeilCenterLoaders(db: DataSource) {
  const repository = db.getRepository(SaeilCenter);
  return {
    saeilCenterById: rowLoader<number, SaeilCenter>(
      (ids) => repository.findBy({ id: In([...ids]) }),
      (c) => c.id,
    ),
    saeilCentersByRegion: listLoader<string, SaeilCenter>(
      (codes) => repository.find({ where: { regionCode: In([...codes]) }, order: { id: "ASC" } }),
      (c) => c.regionCode,
    ),
  };
}
