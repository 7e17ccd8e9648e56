import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Participant } from "../participant/participant.entity";
import { Outreach } from "./outreach.entity";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => Outreach)
export class OutreachResolver {
  @FieldResolver(() => LocalJobCenter)
  async localJobCenter(@Root() outreach: Outreach, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter> {
    return (await ctx.loaders.localJobCenterById.load(outreach.localJobCenterId)) as LocalJobCenter;
  }
}

@Resolver(() => Participant)
export class ParticipantOutreachResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => Outreach, {
    nullable: true,
    description: "How a local job center found this person; null if they came on their own.",
  })
  outreach(@Root() participant: Participant, @Ctx() ctx: LocalJobCentersContext): Promise<Outreach | null> {
    return ctx.loaders.outreachByParticipant.load(participant.id);
  }
}
