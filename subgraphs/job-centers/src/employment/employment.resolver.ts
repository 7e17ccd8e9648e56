import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { Employment } from "./employment.entity";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantEmploymentResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => Employment, { nullable: true, description: "The job that ended support; null while not employed." })
  async employment(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<Employment | null> {
    const records = await ctx.loaders.employmentByParticipant.load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without such records
    if (isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "employment");
    return records;
  }
}
