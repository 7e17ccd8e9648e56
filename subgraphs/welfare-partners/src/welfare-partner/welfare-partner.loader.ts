import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import { WelfarePartner } from "./welfare-partner.entity";

export function createWelfarePartnerLoaders(db: DataSource) {
  const repository = db.getRepository(WelfarePartner);
  return {
    welfarePartnerById: rowLoader<number, WelfarePartner>(
      (ids) => repository.findBy({ id: In([...ids]) }),
      (p) => p.id,
    ),
    welfarePartnersByRegion: listLoader<string, WelfarePartner>(
      (codes) => repository.find({ where: { regionCode: In([...codes]) }, order: { id: "ASC" } }),
      (p) => p.regionCode,
    ),
  };
}
