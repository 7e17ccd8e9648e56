import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { addMonths, checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { Participant } from "../participant/participant.entity";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { MAX_DEFERRAL_MONTHS } from "./defer-participation.mutation";
import { ResumeParticipationInput } from "./resume-participation.input";

@Resolver()
export class ResumeParticipationResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Ends a deferral (유예): the case returns to the stage it was deferred from. Past 2 years from the deferral's start it may not: close it (DEFERRAL_EXPIRED).",
  })
  async resumeParticipation(
    @Arg("input", () => ResumeParticipationInput) input: ResumeParticipationInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "resumeParticipation", idempotencyKey, input: rest }, async (tx) => {
      const id = await resume(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function resume(tx: EntityManager, viewer: Viewer, input: ResumeParticipationInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage("resumeParticipation", participant.stage, [S.DEFERRED]);
  const [deferral] = await tx.query<Array<{ deferredOn: string; previousStage: S }>>(
    `SELECT deferred_on::text AS "deferredOn", previous_stage AS "previousStage" FROM participant WHERE id = $1`,
    [participant.id],
  );
  const resumedOn = input.resumedOn ?? todayInKorea();
  checkDay("resumedOn", resumedOn, deferral.deferredOn, "the deferral's start");
  const limit = addMonths(deferral.deferredOn, MAX_DEFERRAL_MONTHS);
  if (resumedOn > limit) {
    throw badUserInput(
      `The deferral began on ${deferral.deferredOn} and its 2 years ended on ${limit}: close the case (DEFERRAL_EXPIRED) instead.`,
      "resumedOn",
    );
  }
  await updateParticipant(tx, participant, { stage: deferral.previousStage, previous_stage: null, deferred_on: null, resumes_on: null });
  return participant.id;
}
