import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Policy } from "@lib/graphql/access";
import { addMonths } from "@lib/mutation/dates";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { guardCaseRecords } from "../participant/case-records.guard";
import { CaseClosure, FollowUp } from "./case-closure.type";
import { FOLLOW_UP_MONTHS } from "./close-participation.mutation";

/** The end of a case and its follow-up: columns of the participant's row, so no statement of their own. */
@Resolver(() => Participant)
export class ParticipantCaseClosureResolver {
  @Policy(["office-staff"])
  @FieldResolver(() => CaseClosure, {
    nullable: true,
    description: "How the case ended (종료); null while it is open, and for an application rejected by the eligibility decision.",
  })
  async closure(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<CaseClosure | null> {
    const { closedOn, exitReason, exitNote } = participant;
    if (closedOn === null || exitReason === null) return null;
    await guardCaseRecords(ctx, participant, "closure");
    return { closedOn, reason: exitReason, note: exitNote };
  }

  @Policy(["office-staff"])
  @FieldResolver(() => FollowUp, { nullable: true, description: "Follow-up (사후관리); null when it never started." })
  async followUp(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<FollowUp | null> {
    if (participant.followUpOn === null) return null;
    await guardCaseRecords(ctx, participant, "followUp");
    return { startedOn: participant.followUpOn, endsOn: addMonths(participant.followUpOn, FOLLOW_UP_MONTHS) };
  }
}
