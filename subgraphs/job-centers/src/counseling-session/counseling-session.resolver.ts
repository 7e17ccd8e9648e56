import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords, isEmpty } from "../participant/case-records.guard";
import { CounselingSessionConnection } from "./counseling-session.connection";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantCounselingSessionResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => CounselingSessionConnection, { nullable: true, description: "Counselling sessions, most recent first." })
  async counselingSessions(
    @Root() participant: Participant,
    @Ctx() ctx: JobCentersContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<CounselingSessionConnection> {
    const records = await ctx.loaders.counselingSessions(first, after).load(participant.id);
    // nothing to withhold when there is nothing: no error for a person without sessions (a later page that is
    // empty still has a totalCount to withhold, so only the first page counts)
    if (after == null && isEmpty(records)) return records;
    await guardCaseRecords(ctx, participant, "counselingSessions");
    return records;
  }
}
