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
import { checkText } from "../participant/participant.rules";
import { requireStage } from "../participant/participant.stages";
import { lockParticipant } from "../participant/participant.write";
import { Placement } from "./placement.entity";
import { RecordPlacementInput } from "./record-placement.input";

/** Placement is one of the IAP's services (Act §12, Decree §7; Act §15): while seeking work and in follow-up. */
export const PLACEMENT_STAGES = [S.JOB_SEEKING, S.FOLLOW_UP];

@Resolver()
export class RecordPlacementResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Placement, {
    description:
      "Refers the participant to an employer's vacancy (취업알선, Act §12, §15), after the IAP: recorded PENDING until its result.",
  })
  async recordPlacement(
    @Arg("input", () => RecordPlacementInput) input: RecordPlacementInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Placement> {
    const { idempotencyKey, ...rest } = input;
    const { placementId } = await runMutation(ctx, info, { mutation: "recordPlacement", idempotencyKey, input: rest }, async (tx) => {
      const [id, participantId] = await record(tx, ctx.viewer, input);
      return { result: { placementId: id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(Placement).findOneByOrFail({ id: placementId });
  }
}

async function record(tx: EntityManager, viewer: Viewer, input: RecordPlacementInput): Promise<[string, string]> {
  const participant = await lockParticipant(tx, viewer, input.participantId);
  requireStage("recordPlacement", participant.stage, PLACEMENT_STAGES);
  const [plan] = await tx.query<Array<{ on: string }>>(`SELECT established_on::text AS on FROM action_plan WHERE participant_id = $1`, [
    participant.id,
  ]);
  if (!plan) throw badUserInput("A placement follows the action plan (Act §12); the participant has none.", "participantId");
  const referredOn = input.referredOn ?? todayInKorea();
  checkDay("referredOn", referredOn, plan.on, "the action plan");
  const employer = checkText("employerName", input.employerName);
  const occupation = checkText("occupation", input.occupation);
  const [row] = await tx.query<Array<{ id: string }>>(
    `INSERT INTO placement (participant_id, referred_on, employer_name, occupation, result) VALUES ($1, $2, $3, $4, 'PENDING') RETURNING id`,
    [participant.id, referredOn, employer, occupation],
  );
  return [String(row.id), participant.id];
}
