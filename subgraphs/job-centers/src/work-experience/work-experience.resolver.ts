import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WorkExperience } from "./work-experience.type";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantWorkExperienceResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [WorkExperience], { description: "Work-experience placements (일경험), oldest first." })
  workExperiences(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<WorkExperience[]> {
    return ctx.loaders.workExperiencesByParticipant.load(participant.id);
  }
}
