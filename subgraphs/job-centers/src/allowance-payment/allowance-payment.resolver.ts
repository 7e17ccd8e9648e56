import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { AllowancePayment } from "./allowance-payment.entity";

export function createAllowancePaymentLoaders(db: DataSource) {
  return {
    allowancePaymentsByParticipant: listLoader<string, AllowancePayment>(
      (ids) => db.getRepository(AllowancePayment).find({ where: { participantId: In([...ids]) }, order: { month: "ASC" } }),
      (payment) => payment.participantId,
    ),
  };
}

@Resolver(() => Participant)
export class ParticipantAllowancePaymentResolver {
  @FieldResolver(() => [AllowancePayment], { description: "Allowance payments, oldest month first (track Ⅰ only)." })
  allowancePayments(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<AllowancePayment[]> {
    return ctx.loaders.allowancePaymentsByParticipant.load(participant.id);
  }
}
