import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Participant } from "../participant/participant.entity";
import { LocalServiceUse } from "./local-service-use.entity";
import { RequiresScopes } from "@lib/graphql/access";

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
  localServices(@Root() participant: Participant, @Ctx() ctx: LocalJobCentersContext): Promise<LocalServiceUse[]> {
    return ctx.loaders.localServicesByParticipant.load(participant.id);
  }
}
