import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { AllowancePayment } from "./allowance-payment.entity";

export function createAllowancePaymentLoaders(db: DataSource) {
  return {
    allowancePaymentsByParticipant: listLoader<string, AllowancePayment>(
      (ids) => db.getRepository(AllowancePayment).find({ where: { participantId: In([...ids]) }, order: { month: "ASC" } }),
      (payment) => payment.participantId,
    ),
  };
}
