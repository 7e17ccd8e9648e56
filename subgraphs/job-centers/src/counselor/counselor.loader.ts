import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import { Counselor } from "./counselor.entity";

export function createCounselorLoaders(db: DataSource) {
  return {
    counselorById: rowLoader<number, Counselor>(
      (ids) => db.getRepository(Counselor).findBy({ id: In([...ids]) }),
      (counselor) => counselor.id,
    ),
  };
}
