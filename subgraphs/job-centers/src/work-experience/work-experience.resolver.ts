import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { WorkExperience } from "./work-experience.type";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantWorkExperienceResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [WorkExperience], { nullable: true, description: "Work-experience placements (일경험), oldest first." })
  async workExperiences(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<WorkExperience[]> {
    const records = await ctx.loaders.workExperiencesByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "workExperiences");
    return records;
  }
}
