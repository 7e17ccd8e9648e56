import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Region } from "./region.entity";

export function createRegionLoaders(db: DataSource) {
  return {
    regionByCode: rowLoader<string, Region>(
      (codes) => db.getRepository(Region).findBy({ code: In([...codes]) }),
      (region) => region.code,
    ),
  };
}
