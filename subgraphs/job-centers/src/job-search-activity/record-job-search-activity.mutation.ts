import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { checkText } from "../participant/participant.rules";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant } from "../participant/participant.write";
import { JobSearchActivity } from "./job-search-activity.type";
import { RecordJobSearchActivityInput } from "./record-job-search-activity.input";

@Resolver()
export class RecordJobSearchActivityResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => JobSearchActivity, {
    description:
      "Records a job-search activity of the IAP (Decree §8: training, work experience, guidance, welfare linkage, community service, start-up preparation, applying and interviewing, professional development, other) while the participant is JOB_SEEKING (Act §15, §18).",
  })
  async recordJobSearchActivity(
    @Arg("input", () => RecordJobSearchActivityInput) input: RecordJobSearchActivityInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<JobSearchActivity> {
    const { idempotencyKey, ...rest } = input;
    return runMutation(ctx, info, { mutation: "recordJobSearchActivity", idempotencyKey, input: rest }, async (tx) => {
      const [activity, participantId] = await record(tx, ctx.viewer, input);
      return { result: activity, participantIds: [participantId] };
    });
  }
}

async function record(tx: EntityManager, viewer: Viewer, input: RecordJobSearchActivityInput): Promise<[JobSearchActivity, string]> {
  const participant = await lockParticipant(tx, viewer, input.participantId);
  requireStage("recordJobSearchActivity", participant.stage, [S.JOB_SEEKING]);
  // JOB_SEEKING is reached by the plan, so it exists
  const [plan] = await tx.query<Array<{ on: string }>>(`SELECT established_on::text AS on FROM action_plan WHERE participant_id = $1`, [
    participant.id,
  ]);
  const doneOn = input.doneOn ?? todayInKorea();
  checkDay("doneOn", doneOn, plan.on, "the action plan");
  const description = checkText("description", input.description, 200);
  const [row] = await tx.query<Array<{ id: string }>>(
    `INSERT INTO job_search_activity (participant_id, kind, done_on, description) VALUES ($1, $2, $3, $4) RETURNING id`,
    [participant.id, input.kind, doneOn, description],
  );
  return [{ id: String(row.id), kind: input.kind, doneOn, description }, participant.id];
}
