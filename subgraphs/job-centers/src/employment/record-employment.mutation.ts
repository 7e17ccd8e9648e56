import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import { emit } from "@lib/events/outbox";
import type { Viewer } from "@lib/auth/viewer";
import { addToCenterYear } from "../center-annual-stats/center-year-figures.write";
import type { JobCentersContext } from "../context";
import { addDaysToBreakdown, addToBreakdown } from "../program-breakdown/breakdown-figures.write";
import { ParticipantStage as S } from "../participant/participant.enums";
import { Participant } from "../participant/participant.entity";
import { checkText } from "../participant/participant.rules";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { RecordEmploymentInput } from "./record-employment.input";

/** Act §29, Rule §20: a job of 30 hours a week or more ends support; a shorter one is recorded and support goes on. */
export const FULL_SUPPORT_ENDING_HOURS = 30;
const MAX_WEEKLY_HOURS = 68;
/** A job is found while the case is served: from the IAP's drafting to the end of follow-up. */
const EMPLOYABLE_STAGES = [S.PLANNING, S.JOB_SEEKING, S.FOLLOW_UP];

@Resolver()
export class RecordEmploymentResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Records a job (Act §29, Rule §20): 30+ hours a week moves the case to EMPLOYED, counts in the year's employed (and placed) figures and tells the other agencies; under 30 hours it is recorded and the stage is unchanged.",
  })
  async recordEmployment(
    @Arg("input", () => RecordEmploymentInput) input: RecordEmploymentInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "recordEmployment", idempotencyKey, input: rest }, async (tx) => {
      const id = await record(tx, ctx.viewer, input);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}

async function record(tx: EntityManager, viewer: Viewer, input: RecordEmploymentInput): Promise<string> {
  const participant = await lockParticipant(tx, viewer, input.participantId, input.expectedVersion);
  requireStage("recordEmployment", participant.stage, EMPLOYABLE_STAGES);
  const employedOn = input.employedOn ?? todayInKorea();
  checkDay("employedOn", employedOn, participant.eligibilityDecidedOn ?? participant.appliedOn, "the eligibility decision");
  const employer = checkText("employerName", input.employerName);
  const occupation = checkText("occupation", input.occupation);
  const hours = input.weeklyHours;
  if (!Number.isInteger(hours) || hours < 1 || hours > MAX_WEEKLY_HOURS) {
    throw badUserInput(`weeklyHours must be 1–${MAX_WEEKLY_HOURS}.`, "weeklyHours");
  }
  if (input.viaPlacement) {
    const [hired] = await tx.query<unknown[]>(
      `SELECT 1 FROM placement WHERE participant_id = $1 AND result = 'HIRED' AND referred_on <= $2`,
      [participant.id, employedOn],
    );
    if (!hired) throw badUserInput("viaPlacement needs a placement of the participant with the result HIRED.", "viaPlacement");
  }
  const values = [participant.id, employedOn, employer, occupation, hours, input.viaPlacement];
  if (hours < FULL_SUPPORT_ENDING_HOURS) {
    await tx.query(
      `INSERT INTO short_hours_job (participant_id, employed_on, employer_name, occupation, weekly_hours, via_placement)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      values,
    );
    return participant.id;
  }
  await tx.query(
    `INSERT INTO employment (participant_id, employed_on, employer_name, occupation, weekly_hours, via_placement) VALUES ($1, $2, $3, $4, $5, $6)`,
    values,
  );
  await updateParticipant(tx, participant, { stage: S.EMPLOYED });
  const office = { centerId: participant.employmentCenterId, regionCode: participant.regionCode };
  await addToCenterYear(tx, office, employedOn, input.viaPlacement ? { employed: 1, placed: 1 } : { employed: 1 });
  await countInBreakdown(tx, participant.id, employedOn, input.viaPlacement);
  await emit(tx, { type: "ParticipantEmployed", participantId: participant.id, payload: { employedOn } });
  return participant.id;
}

/**
 * The job ends the participation (employed, and among those who left), may have come through placement, and is held
 * at its 6- and 12-month marks until an end is recorded; its days from the action plan go to the median's histogram.
 */
async function countInBreakdown(tx: EntityManager, participantId: string, employedOn: string, viaPlacement: boolean): Promise<void> {
  const [plan] = await tx.query<Array<{ days: number }>>(
    `SELECT $2::date - established_on AS days FROM action_plan WHERE participant_id = $1`,
    [participantId, employedOn],
  );
  await addToBreakdown(tx, participantId, employedOn, {
    ended: 1,
    employed: 1,
    placed: viaPlacement ? 1 : 0,
    timed: plan ? 1 : 0,
    kept_6: 1,
    kept_12: 1,
  });
  if (plan) await addDaysToBreakdown(tx, participantId, employedOn, plan.days);
}
