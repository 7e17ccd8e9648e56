import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { WelfareReferral } from "./welfare-referral.entity";

export function createWelfareReferralLoaders(db: DataSource) {
  return {
    referralsByParticipant: listLoader<string, WelfareReferral>(
      (ids) => db.getRepository(WelfareReferral).find({ where: { participantId: In([...ids]) }, order: { referredOn: "ASC", id: "ASC" } }),
      (r) => r.participantId,
    ),
  };
}
