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
import { DeferParticipationInput } from "./defer-participation.input";

/** A deferral (유예) lasts at most 2 years (docs/domain.md#process-stages); past it the case closes (DEFERRAL_EXPIRED). */
export const MAX_DEFERRAL_MONTHS = 24;
/** The stages a case may be deferred from, and so resumed to. */
export const DEFERRABLE = [S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING];

@Resolver()
export class DeferParticipationResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Defers participation (유예) from ELIGIBLE, PLANNING or JOB_SEEKING for at most 2 years: the case is DEFERRED, remembering the stage to resume to; the allowance stops meanwhile (Act §20).",
  })
  async deferParticipation(
    @Arg("input", () => DeferParticipationInput) input: DeferParticipationInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "deferParticipation", idempotencyKey, input: rest }, async (tx) => {
      const id = await defer(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function defer(tx: EntityManager, viewer: Viewer, input: DeferParticipationInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage("deferParticipation", participant.stage, DEFERRABLE);
  const deferredOn = input.deferredOn ?? todayInKorea();
  checkDay("deferredOn", deferredOn, participant.eligibilityDecidedOn!, "the eligibility decision");
  const latest = addMonths(deferredOn, MAX_DEFERRAL_MONTHS);
  if (input.resumesOn <= deferredOn || input.resumesOn > latest) {
    throw badUserInput(`resumesOn (${input.resumesOn}) must be after ${deferredOn} and at most 2 years later (${latest}).`, "resumesOn");
  }
  await updateParticipant(tx, participant, {
    stage: S.DEFERRED,
    previous_stage: participant.stage,
    deferred_on: deferredOn,
    resumes_on: input.resumesOn,
  });
  return participant.id;
}
