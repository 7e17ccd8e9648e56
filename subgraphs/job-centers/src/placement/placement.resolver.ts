import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { Placement } from "./placement.entity";

export function createPlacementLoaders(db: DataSource) {
  return {
    placementsByParticipant: listLoader<string, Placement>(
      (ids) => db.getRepository(Placement).find({ where: { participantId: In([...ids]) }, order: { referredOn: "ASC", id: "ASC" } }),
      (placement) => placement.participantId,
    ),
  };
}

@Resolver(() => Participant)
export class ParticipantPlacementResolver {
  @FieldResolver(() => [Placement], { description: "Job placement referrals, oldest first." })
  placements(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Placement[]> {
    return ctx.loaders.placementsByParticipant.load(participant.id);
  }
}
