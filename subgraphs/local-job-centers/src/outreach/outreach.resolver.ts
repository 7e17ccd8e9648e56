import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { rowLoader } from "@lib/loaders/by-key";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { Participant } from "../participant/participant";
import { Outreach } from "./outreach.entity";

export function createOutreachLoaders(db: DataSource) {
  return {
    // at most one outreach record names a participant (a unique index enforces it)
    outreachByParticipant: rowLoader<string, Outreach>(
      (ids) => db.getRepository(Outreach).findBy({ participantId: In([...ids]) }),
      (outreach) => outreach.participantId as string,
    ),
  };
}

@Resolver(() => Outreach)
export class OutreachResolver {
  @FieldResolver(() => LocalJobCenter)
  async localJobCenter(@Root() outreach: Outreach, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter> {
    return (await ctx.loaders.localJobCenterById.load(outreach.localJobCenterId)) as LocalJobCenter;
  }
}

@Resolver(() => Participant)
export class ParticipantOutreachResolver {
  @FieldResolver(() => Outreach, { nullable: true, description: "How a local job center found this person; null if they came on their own." })
  outreach(@Root() participant: Participant, @Ctx() ctx: LocalJobCentersContext): Promise<Outreach | null> {
    return ctx.loaders.outreachByParticipant.load(participant.id);
  }
}
