import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { WelfarePartnersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";
import { WelfareReferral } from "./welfare-referral.entity";

@Resolver(() => WelfareReferral)
export class WelfareReferralResolver {
  @FieldResolver(() => WelfarePartner)
  async partner(@Root() referral: WelfareReferral, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner> {
    return (await ctx.loaders.welfarePartnerById.load(referral.partnerId)) as WelfarePartner;
  }
}

@Resolver(() => Participant)
export class ParticipantWelfareReferralsResolver {
  @FieldResolver(() => [WelfareReferral], { nullable: true, description: "Referrals to welfare partners, oldest first." })
  welfareReferrals(@Root() participant: Participant, @Ctx() ctx: WelfarePartnersContext): Promise<WelfareReferral[]> {
    return ctx.loaders.referralsByParticipant.load(participant.id);
  }
}
