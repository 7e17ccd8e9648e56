import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { ShortHoursJob } from "./short-hours-job.type";

@Resolver(() => Participant)
export class ParticipantShortHoursJobResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => [ShortHoursJob], {
    nullable: true,
    description: "Jobs under 30 hours a week, oldest first: recorded while support went on (the one that ended it is `employment`).",
  })
  async shortHoursJobs(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ShortHoursJob[]> {
    const records = await ctx.loaders.shortHoursJobsByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "shortHoursJobs");
    return records;
  }
}
