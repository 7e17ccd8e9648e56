import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { ParticipantConsent } from "./participant-consent.entity";

@Resolver(() => Participant)
export class ParticipantConsentResolver {
  // any office that may see the person may see what they consented to: it explains what the graph shows them
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [ParticipantConsent], {
    description: "Consents to share records between agencies, oldest first, withdrawn ones included.",
  })
  consents(@Root() participant: Participant, @Ctx() ctx: JobCentersContext): Promise<ParticipantConsent[]> {
    return ctx.loaders.consentsByParticipant.load(participant.id);
  }
}
