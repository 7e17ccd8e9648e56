import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { LinkAgreement } from "./link-agreement.entity";

export function createLinkAgreementLoaders(db: DataSource) {
  return {
    agreementsByCenter: listLoader<number, LinkAgreement>(
      (ids) => db.getRepository(LinkAgreement).find({ where: { localJobCenterId: In([...ids]) }, order: { year: "ASC" } }),
      (agreement) => agreement.localJobCenterId,
    ),
  };
}
