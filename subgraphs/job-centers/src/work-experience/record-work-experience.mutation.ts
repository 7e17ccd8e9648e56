import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { addDays, checkDay } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant } from "../participant/participant.write";
import { RecordWorkExperienceInput } from "./record-work-experience.input";
import { WorkExperience } from "./work-experience.type";

/** docs/domain.md#process-stages: a stay lasts 4–13 weeks, at a host company of the participant's own office. */
export const MIN_STAY_DAYS = 28;
export const MAX_STAY_DAYS = 91;

@Resolver()
export class RecordWorkExperienceResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => WorkExperience, {
    description:
      "Records a work-experience stay (일경험, Decree §8) of 4–13 weeks at a host company of the participant's own center, after the IAP.",
  })
  async recordWorkExperience(
    @Arg("input", () => RecordWorkExperienceInput) input: RecordWorkExperienceInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<WorkExperience> {
    const { idempotencyKey, ...rest } = input;
    return runMutation(ctx, info, { mutation: "recordWorkExperience", idempotencyKey, input: rest }, async (tx) => {
      const stay = await record(tx, ctx.viewer, input);
      return { result: stay, participantIds: [stay.participantId] };
    });
  }
}

async function record(tx: EntityManager, viewer: Viewer, input: RecordWorkExperienceInput): Promise<WorkExperience> {
  const participant = await lockParticipant(tx, viewer, input.participantId);
  requireStage("recordWorkExperience", participant.stage, [S.JOB_SEEKING]);
  const companyId = parseIntId(input.companyId);
  const [company] =
    companyId === null
      ? []
      : await tx.query<Array<{ name: string; signedUpOn: string }>>(
          `SELECT name, signed_up_on::text AS "signedUpOn" FROM work_experience_company WHERE id = $1 AND employment_center_id = $2`,
          [companyId, participant.employmentCenterId],
        );
  if (!company) throw badUserInput(`No host company with id "${input.companyId}" at the participant's employment center.`, "companyId");
  const [plan] = await tx.query<Array<{ on: string }>>(`SELECT established_on::text AS on FROM action_plan WHERE participant_id = $1`, [
    participant.id,
  ]);
  if (!plan) throw badUserInput("Work experience follows the action plan (Decree §8); the participant has none.", "participantId");
  const earliest = plan.on > company.signedUpOn ? plan.on : company.signedUpOn;
  checkDay("startedOn", input.startedOn, earliest, plan.on > company.signedUpOn ? "the action plan" : "the company's sign-up");
  checkDay("endedOn", input.endedOn, input.startedOn, "startedOn");
  if (input.endedOn < addDays(input.startedOn, MIN_STAY_DAYS) || input.endedOn > addDays(input.startedOn, MAX_STAY_DAYS)) {
    throw badUserInput(
      `A stay lasts 4–13 weeks: endedOn must be ${addDays(input.startedOn, MIN_STAY_DAYS)}–${addDays(input.startedOn, MAX_STAY_DAYS)}.`,
      "endedOn",
    );
  }
  await tx.query(`INSERT INTO work_experience (participant_id, company_id, started_on, ended_on) VALUES ($1, $2, $3, $4)`, [
    participant.id,
    companyId,
    input.startedOn,
    input.endedOn,
  ]);
  return { participantId: participant.id, companyName: company.name, startedOn: input.startedOn, endedOn: input.endedOn };
}
