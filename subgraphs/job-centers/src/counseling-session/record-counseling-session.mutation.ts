import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import type { EntityManager } from "typeorm";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { parseIntId } from "@lib/graphql/ids";
import { checkDay, todayInKorea } from "@lib/mutation/dates";
import { runMutation } from "@lib/mutation/run-mutation";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ParticipantStage as S } from "../participant/participant.enums";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant, updateParticipant } from "../participant/participant.write";
import { CounselingSession } from "./counseling-session.entity";
import { RecordCounselingSessionInput } from "./record-counseling-session.input";

/** Counselling runs from the decision to the end of follow-up; the first session starts the IAP's drafting (Act §12). */
const COUNSELED_STAGES = [S.ELIGIBLE, S.PLANNING, S.JOB_SEEKING, S.EMPLOYED, S.FOLLOW_UP];

@Resolver()
export class RecordCounselingSessionResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => CounselingSession, {
    description:
      "Records a counselling session; the first one after the eligibility decision moves the case to PLANNING (Act §12, Decree §7).",
  })
  async recordCounselingSession(
    @Arg("input", () => RecordCounselingSessionInput) input: RecordCounselingSessionInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CounselingSession> {
    const { idempotencyKey, ...rest } = input;
    // the row as inserted, when this request wrote it: no second read after the commit
    let written: CounselingSession | null = null;
    const { sessionId } = await runMutation(ctx, info, { mutation: "recordCounselingSession", idempotencyKey, input: rest }, async (tx) => {
      written = await record(tx, ctx.viewer, input);
      return { result: { sessionId: written.id }, participantIds: [written.participantId] };
    });
    // a retry returns the first request's session, read back by the id stored with the key
    return written ?? ctx.db.getRepository(CounselingSession).findOneByOrFail({ id: sessionId });
  }
}

const INSERT = `
  INSERT INTO counseling_session (participant_id, counselor_id, held_on, mode, topic) VALUES ($1, $2, $3, $4, $5)
  RETURNING id::text, participant_id AS "participantId", counselor_id AS "counselorId", held_on::text AS "heldOn", mode, topic`;

async function record(tx: EntityManager, viewer: Viewer, input: RecordCounselingSessionInput): Promise<CounselingSession> {
  const participant = await lockParticipant(tx, viewer, input.participantId);
  requireStage("recordCounselingSession", participant.stage, COUNSELED_STAGES);
  const heldOn = input.heldOn ?? todayInKorea();
  checkDay("heldOn", heldOn, participant.eligibilityDecidedOn ?? participant.appliedOn, "the eligibility decision");
  const topic = input.topic.trim();
  if (topic.length === 0 || topic.length > 200) throw badUserInput("topic must be 1–200 characters.", "topic");
  // the session is the counsellor's own when a counsellor records it; a manager's entry names the one in charge
  const counselorId = viewer.kind === "user" && viewer.role === "COUNSELOR" ? parseIntId(viewer.sub) : participant.counselorId;
  const [session] = await tx.query<CounselingSession[]>(INSERT, [participant.id, counselorId, heldOn, input.mode, topic]);
  if (participant.stage === S.ELIGIBLE) await updateParticipant(tx, participant, { stage: S.PLANNING });
  return session;
}
