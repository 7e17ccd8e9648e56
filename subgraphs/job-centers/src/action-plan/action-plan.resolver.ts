import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { ActionPlan } from "./action-plan.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantActionPlanResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => ActionPlan, { nullable: true, description: "The IAP; null until it is established." })
  async actionPlan(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ActionPlan | null> {
    const records = await ctx.loaders.actionPlanByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "actionPlan");
    return records;
  }
}
