import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { ActionPlan } from "./action-plan.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantActionPlanResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => ActionPlan, { nullable: true, description: "The IAP; null until it is established." })
  actionPlan(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ActionPlan | null> {
    return ctx.loaders.actionPlanByParticipant.load(participant.id);
  }
}
