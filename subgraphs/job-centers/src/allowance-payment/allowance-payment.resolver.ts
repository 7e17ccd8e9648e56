import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { AllowancePayment } from "./allowance-payment.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantAllowancePaymentResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [AllowancePayment], { description: "Allowance payments, oldest month first (track Ⅰ only)." })
  allowancePayments(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<AllowancePayment[]> {
    return ctx.loaders.allowancePaymentsByParticipant.load(participant.id);
  }
}
