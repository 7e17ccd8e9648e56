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
    // the records and the rule's lookup in one statement (the loader primes participantAccess)
    const [outreach = null] = await ctx.loaders.outreachByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person no local center found, but only to an office
    // serving them (to anyone else, null would tell that no local center found this person)
    await guardRecords(ctx, participant.id, "LOCAL_JOB_CENTER", "Participant.outreach", outreach === null);
    if (outreach === null) return null;
    // a local center's own staff see their own center's records, not another center's
    const own = ownOffice(ctx.viewer, "LOCAL_JOB_CENTER");
    return own === null || outreach?.localJobCenterId === own ? outreach : null;
  }
}
