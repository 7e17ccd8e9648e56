import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { Employment } from "./employment.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantEmploymentResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => Employment, { nullable: true, description: "The job that ended support; null while not employed." })
  employment(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Employment | null> {
    return ctx.loaders.employmentByParticipant.load(participant.id);
  }
}
