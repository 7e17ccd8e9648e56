import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { Participant } from "../participant/participant.entity";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { EstablishActionPlanInput } from "./establish-action-plan.input";

@Resolver()
export class EstablishActionPlanResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Sets the IAP (Act §12, Decree §7) after at least one counselling session: the case moves from PLANNING to JOB_SEEKING and the allowance (Type Ⅰ) may be paid.",
  })
  async establishActionPlan(
    @Arg("input", () => EstablishActionPlanInput) input: EstablishActionPlanInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "establishActionPlan", idempotencyKey, input: rest }, async (tx) => {
      const id = await establish(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function establish(tx: EntityManager, viewer: Viewer, input: EstablishActionPlanInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  // PLANNING is reached by the first counselling session, so a plan always follows one
  requireStage("establishActionPlan", participant.stage, [S.PLANNING]);
  const [first] = await tx.query<
    Array<{
      day: string | null;
    }>
  >(`SELECT min(held_on)::text AS day FROM counseling_session WHERE participant_id = $1`, [participant.id]);
  if (first.day === null) throw badUserInput("An action plan needs at least one counselling session first (Act §12).", "participantId");
  const establishedOn = input.establishedOn ?? todayInKorea();
  checkDay("establishedOn", establishedOn, first.day, "the first counselling session");
  const occupation = input.desiredOccupation.trim();
  if (occupation.length === 0 || occupation.length > 100)
    throw badUserInput("desiredOccupation must be 1–100 characters.", "desiredOccupation");
  await tx.query(`INSERT INTO action_plan (participant_id, established_on, desired_occupation) VALUES ($1, $2, $3)`, [
    participant.id,
    establishedOn,
    occupation,
  ]);
  await updateParticipant(tx, participant, { stage: S.JOB_SEEKING });
  return participant.id;
}
