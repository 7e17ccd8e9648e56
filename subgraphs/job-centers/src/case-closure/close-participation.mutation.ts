import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { addMonths, checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import { emit } from "@lib/events/outbox";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { addToBreakdown } from "../program-breakdown/breakdown-figures.write";
import { ParticipantStage as S } from "../participant/participant.enums";
import { Participant } from "../participant/participant.entity";
import { checkText } from "../participant/participant.rules";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { CloseParticipationInput } from "./close-participation.input";
import { ExitReason as R } from "./exit-reason.enum";

/** Rule §11: follow-up lasts 3 months (extendable by 1) before it is finished. */
export const FOLLOW_UP_MONTHS = 3;

/** The stages each exit reason closes from (docs/domain.md#process-stages); an application is rejected by decideEligibility. */
const CLOSES_FROM: Readonly<Record<R, readonly S[]>> = {
  [R.EMPLOYED_ENDED]: [S.EMPLOYED], // Act §29, Rule §20
  [R.FOLLOW_UP_FINISHED]: [S.FOLLOW_UP], // Rule §11
  [R.DEFERRAL_EXPIRED]: [S.DEFERRED], // deferral of at most 2 years
  [R.WITHDREW]: [S.APPLIED, S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING, S.DEFERRED, S.EMPLOYED, S.FOLLOW_UP],
  [R.INELIGIBLE]: [S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING, S.DEFERRED, S.EMPLOYED, S.FOLLOW_UP],
  [R.OTHER]: [S.APPLIED, S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING, S.DEFERRED, S.EMPLOYED, S.FOLLOW_UP],
};

@Resolver()
export class CloseParticipationResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Closes a case (종료) with its exit reason: the job ended support (Act §29), follow-up finished (Rule §11, after 3 months), the deferral expired, the participant withdrew or was found ineligible, or another reason with a note. Tells the other agencies.",
  })
  async closeParticipation(
    @Arg("input", () => CloseParticipationInput) input: CloseParticipationInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "closeParticipation", idempotencyKey, input: rest }, async (tx) => {
      const id = await close(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function close(tx: EntityManager, viewer: Viewer, input: CloseParticipationInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage(`closeParticipation (${input.reason})`, participant.stage, CLOSES_FROM[input.reason]);
  const closedOn = input.closedOn ?? todayInKorea();
  const [dates] = await tx.query<Array<{ followUpOn: string | null; resumesOn: string | null; employedOn: string | null }>>(
    `SELECT p.follow_up_on::text AS "followUpOn", p.resumes_on::text AS "resumesOn", e.employed_on::text AS "employedOn"
     FROM participant p LEFT JOIN employment e ON e.participant_id = p.id WHERE p.id = $1`,
    [participant.id],
  );
  if (input.reason === R.FOLLOW_UP_FINISHED) {
    checkDay("closedOn", closedOn, addMonths(dates.followUpOn!, FOLLOW_UP_MONTHS), "the end of 3 months of follow-up (Rule §11)");
  } else if (input.reason === R.DEFERRAL_EXPIRED) {
    checkDay("closedOn", closedOn, dates.resumesOn!, "the end of the deferral");
  } else if (input.reason === R.EMPLOYED_ENDED) {
    checkDay("closedOn", closedOn, dates.employedOn!, "the first day of the job");
  } else {
    checkDay("closedOn", closedOn, participant.appliedOn, "the application");
  }
  const note = input.note == null ? null : checkText("note", input.note, 200);
  if (input.reason === R.OTHER && note === null) throw badUserInput("The reason OTHER needs a note saying what happened.", "note");
  await updateParticipant(tx, participant, { stage: S.CLOSED, closed_on: closedOn, exit_reason: input.reason, exit_note: note });
  // a participation ends once: with the job that ended support, or else here (never for an application not found eligible)
  if (participant.eligibilityDecidedOn !== null && dates.employedOn === null)
    await addToBreakdown(tx, participant.id, closedOn, { ended: 1 });
  await emit(tx, { type: "ParticipantClosed", participantId: participant.id, payload: { closedOn, reason: input.reason } });
  return participant.id;
}
