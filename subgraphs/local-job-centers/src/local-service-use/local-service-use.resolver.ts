import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Participant } from "../participant/participant.entity";
import { LocalServiceUse } from "./local-service-use.entity";
import { RequiresScopes } from "@lib/graphql/access";
import { guardRecords, ownOffice } from "@lib/graphql/records-guard";

@Resolver(() => LocalServiceUse)
export class LocalServiceUseResolver {
  @FieldResolver(() => LocalJobCenter)
  async localJobCenter(@Root() use: LocalServiceUse, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter> {
    return (await ctx.loaders.localJobCenterById.load(use.localJobCenterId)) as LocalJobCenter;
  }
}

@Resolver(() => Participant)
export class ParticipantLocalServicesResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [LocalServiceUse], { nullable: true, description: "Local centers' special services used, oldest first." })
  async localServices(@Root() participant: Participant, @Ctx() ctx: LocalJobCentersContext): Promise<LocalServiceUse[]> {
    // the records and the rule's lookup in one statement (the loader primes participantAccess)
    const uses = await ctx.loaders.localServicesByParticipant.load(participant.id);
    await guardRecords(ctx, participant.id, "LOCAL_JOB_CENTER", "Participant.localServices", uses.length === 0);
    if (uses.length === 0) return uses;
    const own = ownOffice(ctx.viewer, "LOCAL_JOB_CENTER");
    return own === null ? uses : uses.filter((use) => use.localJobCenterId === own);
  }
}
