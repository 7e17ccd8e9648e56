import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { ActionPlan } from "./action-plan.entity";

export function createActionPlanLoaders(db: DataSource) {
  return {
    actionPlanByParticipant: rowLoader<string, ActionPlan>(
      (ids) => db.getRepository(ActionPlan).findBy({ participantId: In([...ids]) }),
      (plan) => plan.participantId,
    ),
  };
}

@Resolver(() => Participant)
export class ParticipantActionPlanResolver {
  @FieldResolver(() => ActionPlan, { nullable: true, description: "The IAP; null until it is established." })
  actionPlan(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ActionPlan | null> {
    return ctx.loaders.actionPlanByParticipant.load(participant.id);
  }
}
