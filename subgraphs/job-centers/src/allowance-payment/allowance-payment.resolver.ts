import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { AllowancePayment } from "./allowance-payment.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantAllowancePaymentResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [AllowancePayment], { nullable: true, description: "Allowance payments, oldest month first (track Ⅰ only)." })
  async allowancePayments(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<AllowancePayment[]> {
    const records = await ctx.loaders.allowancePaymentsByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "allowancePayments");
    return records;
  }
}
