import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { CounselingSessionConnection } from "./counseling-session.connection";
import { Policy } from "@lib/graphql/access";

@Resolver(() => Participant)
export class ParticipantCounselingSessionResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => CounselingSessionConnection, { description: "Counselling sessions, most recent first." })
  counselingSessions(
    @Root() participant: Participant,
    @Ctx() ctx: JobCentersContext,
    @Arg("first", () => Int, { nullable: true, description: "Page size, 1–100 (default 20)." }) first?: number | null,
    @Arg("after", () => String, { nullable: true }) after?: string | null,
  ): Promise<CounselingSessionConnection> {
    return ctx.loaders.counselingSessions(first, after).load(participant.id);
  }
}
