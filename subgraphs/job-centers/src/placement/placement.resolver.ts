import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { Placement } from "./placement.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantPlacementResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [Placement], { nullable: true, description: "Job placement referrals, oldest first." })
  async placements(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Placement[]> {
    const records = await ctx.loaders.placementsByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "placements");
    return records;
  }
}
