import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Participant } from "../participant/participant.entity";
import { Outreach } from "./outreach.entity";
import { RequiresScopes } from "@lib/graphql/access";
import { guardRecords, ownOffice } from "@lib/graphql/records-guard";

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
  async outreach(@Root() participant: Participant, @Ctx() ctx: LocalJobCentersContext): Promise<Outreach | null> {
    // the records and the rule's lookup together: one batch of each for the whole request, whatever arrives first
    const [outreach] = await Promise.all([
      ctx.loaders.outreachByParticipant.load(participant.id),
      ctx.loaders.participantAccess.load(participant.id),
    ]);
    // nothing to withhold when there is nothing: no error for a person no local center found
    if (outreach === null) return null;
    await guardRecords(ctx, participant.id, "LOCAL_JOB_CENTER", "Participant.outreach");
    // a local center's own staff see their own center's records, not another center's
    const own = ownOffice(ctx.viewer, "LOCAL_JOB_CENTER");
    return own === null || outreach?.localJobCenterId === own ? outreach : null;
  }
}
