import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { Placement } from "./placement.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantPlacementResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [Placement], { description: "Job placement referrals, oldest first." })
  placements(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Placement[]> {
    return ctx.loaders.placementsByParticipant.load(participant.id);
  }
}
