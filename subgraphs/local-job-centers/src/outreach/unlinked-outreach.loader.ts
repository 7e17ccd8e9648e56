import type { DataSource } from "typeorm";
import { In, IsNull } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { Outreach } from "./outreach.entity";

export function createUnlinkedOutreachLoaders(db: DataSource) {
  return {
    unlinkedOutreachByCenter: listLoader<number, Outreach>(
      (ids) =>
        db.getRepository(Outreach).find({
          where: { localJobCenterId: In([...ids]), participantId: IsNull() },
          order: { discoveredOn: "ASC", id: "ASC" },
        }),
      (outreach) => outreach.localJobCenterId,
    ),
  };
}
