import { Arg, Ctx, Info, Mutation, Resolver } from "type-graphql";
import type { GraphQLResolveInfo } from "graphql";
import { Policy, RequiresScopes } from "@lib/graphql/access";
import { runMutation } from "@lib/mutation/run-mutation";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { GiveConsentInput } from "./consent-change.input";
import { changeConsent } from "./consent.write";

@Resolver()
export class GiveConsentResolver {
  @RequiresScopes(["participant:write"])
  @Policy(["office-staff"])
  @Mutation(() => Participant, {
    description:
      "Records a consent the participant gives (정보제공 동의, PIPA §17, §18, §22; §23 for welfare records): `viewerKind` staff may see `recordsKind` records from now on. Tells the other agencies.",
  })
  async giveConsent(
    @Arg("input", () => GiveConsentInput) input: GiveConsentInput,
    @Ctx() ctx: JobCentersContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Participant> {
    const { idempotencyKey, ...rest } = input;
    const { participantId } = await runMutation(ctx, info, { mutation: "giveConsent", idempotencyKey, input: rest }, async (tx) => {
      const id = await changeConsent(tx, ctx.viewer, input, true);
      return { result: { participantId: id }, participantIds: [id] };
    });
    return ctx.db.getRepository(Participant).findOneByOrFail({ id: participantId });
  }
}
