import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { addMonths, checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { Participant } from "../participant/participant.entity";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { StartFollowUpInput } from "./start-follow-up.input";

/** Act §15: the services last 1 year from the eligibility decision (the extension of up to 6 months is not modelled). */
export const SERVICE_MONTHS = 12;

@Resolver()
export class StartFollowUpResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Moves a case from JOB_SEEKING to FOLLOW_UP (Rule §11): the service year (1 year from the decision, Act §15) ended without a job; follow-up lasts 3 months.",
  })
  async startFollowUp(
    @Arg("input", () => StartFollowUpInput) input: StartFollowUpInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "startFollowUp", idempotencyKey, input: rest }, async (tx) => {
      const id = await start(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function start(tx: EntityManager, viewer: Viewer, input: StartFollowUpInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage("startFollowUp", participant.stage, [S.JOB_SEEKING]);
  const startedOn = input.startedOn ?? todayInKorea();
  // JOB_SEEKING is reached only after the decision, so the date is there
  const serviceEnd = addMonths(participant.eligibilityDecidedOn!, SERVICE_MONTHS);
  checkDay("startedOn", startedOn, serviceEnd, "the end of the service year (Act §15)");
  await updateParticipant(tx, participant, { stage: S.FOLLOW_UP, follow_up_on: startedOn });
  return participant.id;
}
