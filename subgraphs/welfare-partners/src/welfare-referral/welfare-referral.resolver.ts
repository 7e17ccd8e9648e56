import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { WelfarePartnersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";
import { WelfareReferral } from "./welfare-referral.entity";
import { RequiresScopes } from "@lib/graphql/access";
import { isRelated } from "@lib/auth/participant-access";
import { forbidden, guardRecords, ownOffice } from "@lib/graphql/records-guard";

@Resolver(() => WelfareReferral)
export class WelfareReferralResolver {
  @RequiresScopes(["welfare:read"])
  @FieldResolver(() => WelfarePartner, {
    nullable: true,
    // nullable so that a viewer refused the partner (its kind is health or debt data) still sees the referral exists
    description:
      "The partner the participant was referred to; its kind is sensitive data (PIPA §23): null without `welfare:read` and, outside the partner, without the participant's consent.",
  })
  async partner(@Root() referral: WelfareReferral, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner | null> {
    // §23: outside the partner itself, only with the participant's consent covering the viewer's kind of agency
    await guardRecords(ctx, referral.participantId, "WELFARE_PARTNER", "WelfareReferral.partner");
    return ctx.loaders.welfarePartnerById.load(referral.partnerId);
  }
}

@Resolver(() => Participant)
export class ParticipantWelfareReferralsResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [WelfareReferral], { nullable: true, description: "Referrals to welfare partners, oldest first." })
  async welfareReferrals(@Root() participant: Participant, @Ctx() ctx: WelfarePartnersContext): Promise<WelfareReferral[]> {
    // that a referral exists, and its status, is for every office serving the person; its details need consent
    const [access, referrals] = await Promise.all([
      ctx.loaders.participantAccess.load(participant.id),
      ctx.loaders.referralsByParticipant.load(participant.id),
    ]);
    if (!isRelated(ctx.viewer, access))
      throw forbidden("Participant.welfareReferrals", "your office has no relationship with this participant");
    const own = ownOffice(ctx.viewer, "WELFARE_PARTNER");
    return own === null ? referrals : referrals.filter((referral) => referral.partnerId === own);
  }
}
