import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { guardCaseRecords } from "./case-records.guard";
import { Participant } from "./participant.entity";

/** What decideEligibility records besides the stage (Act §10): columns of the participant's row. */
@Resolver(() => Participant)
export class ParticipantEligibilityDecisionResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => String, { nullable: true, description: "Why the application was rejected (Act §10); null unless it was." })
  async rejectionReason(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<string | null> {
    if (participant.rejectionReason === null) return null;
    await guardCaseRecords(ctx, participant, "rejectionReason");
    return participant.rejectionReason;
  }

  @Policy(["office-staff"])
  @FieldResolver(() => String, {
    nullable: true,
    description: "Why the decision came after its deadline (1 month from the application, once extended by 7 days); null when on time.",
  })
  async lateDecisionReason(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<string | null> {
    if (participant.lateDecisionReason === null) return null;
    await guardCaseRecords(ctx, participant, "lateDecisionReason");
    return participant.lateDecisionReason;
  }
}
