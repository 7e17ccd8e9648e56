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
import { lockParticipant } from "../participant/participant.write";
import { Placement } from "./placement.entity";
import { PlacementResult } from "./placement.enums";
import { RecordPlacementResultInput } from "./record-placement-result.input";

@Resolver()
export class RecordPlacementResultResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Placement, {
    description:
      "Records a placement's result (PENDING → HIRED, NOT_HIRED or WITHDRAWN), once. A job through it is then recorded by recordEmployment.",
  })
  async recordPlacementResult(
    @Arg("input", () => RecordPlacementResultInput) input: RecordPlacementResultInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Placement> {
    const { idempotencyKey, ...rest } = input;
    const { placementId } = await runMutation(ctx, info, { mutation: "recordPlacementResult", idempotencyKey, input: rest }, async (tx) => {
      const [id, participantId] = await decide(tx, ctx.viewer, input);
      return { result: { placementId: id }, participantIds: [participantId] };
    });
    return ctx.db.getRepository(Placement).findOneByOrFail({ id: placementId });
  }
}

async function decide(tx: EntityManager, viewer: Viewer, input: RecordPlacementResultInput): Promise<[string, string]> {
  const id = parseIntId(input.placementId);
  const unknown = () => badUserInput(`No placement with id "${input.placementId}" of a participant your center serves.`, "placementId");
  const [owner] =
    id === null
      ? []
      : await tx.query<Array<{ participantId: string }>>(`SELECT participant_id AS "participantId" FROM placement WHERE id = $1`, [id]);
  if (!owner) throw unknown();
  // the participant's lock serialises two results for one placement; the access rules are the participant's
  const participant = await lockParticipant(tx, viewer, owner.participantId).catch((error: unknown) => {
    throw (error as { extensions?: { argumentName?: unknown } }).extensions?.argumentName === "participantId" ? unknown() : error;
  });
  const [placement] = await tx.query<Array<{ result: PlacementResult; referredOn: string }>>(
    `SELECT result, referred_on::text AS "referredOn" FROM placement WHERE id = $1`,
    [id],
  );
  if (placement.result !== PlacementResult.PENDING) {
    throw badUserInput(`The placement's result is already ${placement.result}; a result is recorded once.`, "placementId");
  }
  if (input.result === PlacementResult.PENDING) throw badUserInput("result must be HIRED, NOT_HIRED or WITHDRAWN.", "result");
  const resultOn = input.resultOn ?? todayInKorea();
  checkDay("resultOn", resultOn, placement.referredOn, "the referral");
  await tx.query(`UPDATE placement SET result = $2, result_on = $3 WHERE id = $1`, [id, input.result, resultOn]);
  return [String(id), participant.id];
}
