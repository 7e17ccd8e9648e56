import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { JobSearchActivity } from "./job-search-activity.type";

@Resolver(() => Participant)
export class ParticipantJobSearchActivityResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [JobSearchActivity], {
    nullable: true,
    description: "Job-search activities the participant reported (구직활동, Decree §8), oldest first.",
  })
  async jobSearchActivities(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<JobSearchActivity[]> {
    const records = await ctx.loaders.jobSearchActivitiesByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "jobSearchActivities");
    return records;
  }
}
