import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { runMutation } from "@lib/mutation/run-mutation";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WithdrawConsentInput } from "./consent-change.input";
import { changeConsent } from "./consent.write";

@Resolver()
export class WithdrawConsentResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Records the participant's withdrawal of a consent in force (동의 철회, PIPA §37): `viewerKind` staff no longer see `recordsKind` records, from the next request. Tells the other agencies.",
  })
  async withdrawConsent(
    @Arg("input", () => WithdrawConsentInput) input: WithdrawConsentInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "withdrawConsent", idempotencyKey, input: rest }, async (tx) => {
      const id = await changeConsent(tx, ctx.viewer, input, false);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}
