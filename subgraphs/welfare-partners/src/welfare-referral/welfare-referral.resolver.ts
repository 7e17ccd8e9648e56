import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { WelfarePartnersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";
import { WelfareReferral } from "./welfare-referral.entity";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => WelfareReferral)
export class WelfareReferralResolver {
  @RequiresScopes(["welfare:read"])
  @FieldResolver(() => WelfarePartner, {
    nullable: true,
    // nullable so that a viewer refused the partner (its kind is health or debt data) still sees the referral exists
    description: "The partner the participant was referred to; its kind is sensitive data (PIPA §23): null without `welfare:read`.",
  })
  partner(@Root() referral: WelfareReferral, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner | null> {
    return ctx.loaders.welfarePartnerById.load(referral.partnerId);
  }
}

@Resolver(() => Participant)
export class ParticipantWelfareReferralsResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [WelfareReferral], { nullable: true, description: "Referrals to welfare partners, oldest first." })
  welfareReferrals(@Root() participant: Participant, @Ctx() ctx: WelfarePartnersContext): Promise<WelfareReferral[]> {
    return ctx.loaders.referralsByParticipant.load(participant.id);
  }
}
