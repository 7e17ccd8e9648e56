import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { WelfarePartnersContext } from "../context";
import { Participant } from "../participant/participant.entity";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";
import { WelfareReferral } from "./welfare-referral.entity";
import { ReferralReasonCategory } from "./welfare-referral.enums";
import type { Viewer } from "@lib/auth/viewer";
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

  @RequiresScopes(["welfare:read"])
  @FieldResolver(() => ReferralReasonCategory, {
    nullable: true,
    description:
      "Why the person was referred (PIPA §23 sensitive data): only for the partner it was sent to and the staff of the employment center that referred them; FORBIDDEN for anyone else, consent or not. Null for referrals recorded before reasons were.",
  })
  reasonCategory(@Root() referral: WelfareReferral, @Ctx() ctx: WelfarePartnersContext): ReferralReasonCategory | null {
    // nothing recorded (a referral from before reasons were), nothing to protect
    if (referral.reasonCategory === null) return null;
    if (!readsReason(ctx.viewer, referral)) {
      throw forbidden(
        "WelfareReferral.reasonCategory",
        "only the partner the referral was sent to and the referring center read its reason",
      );
    }
    return referral.reasonCategory;
  }
}

/**
 * The reason of a referral is for the two ends of it: the partner that acts on it and the employment center whose
 * counsellor decided it (both already know it). A participant's consent to share welfare records with other offices
 * (which opens `partner`) does not extend to it: the purpose of that consent is coordination, which needs the
 * partner and the status, not the reason (PIPA §23's minimum).
 */
export function readsReason(viewer: Viewer, referral: Pick<WelfareReferral, "partnerId" | "referringCenterId">): boolean {
  if (viewer.kind !== "user" || viewer.org === null) return false;
  if (viewer.org.kind === "WELFARE_PARTNER") return viewer.org.id === referral.partnerId;
  return viewer.org.kind === "EMPLOYMENT_CENTER" && referral.referringCenterId !== null && viewer.org.id === referral.referringCenterId;
}

@Resolver(() => Participant)
export class ParticipantWelfareReferralsResolver {
  @RequiresScopes(["participant:read"])
  @FieldResolver(() => [WelfareReferral], { nullable: true, description: "Referrals to welfare partners, oldest first." })
  async welfareReferrals(@Root() participant: Participant, @Ctx() ctx: WelfarePartnersContext): Promise<WelfareReferral[]> {
    // that a referral exists, and its status, is for every office serving the person; its details need consent
    // the records and the rule's lookup in one statement (the loader primes participantAccess)
    const referrals = await ctx.loaders.referralsByParticipant.load(participant.id);
    const access = await ctx.loaders.participantAccess.load(participant.id);
    if (!isRelated(ctx.viewer, access))
      throw forbidden("Participant.welfareReferrals", "your office has no relationship with this participant");
    const own = ownOffice(ctx.viewer, "WELFARE_PARTNER");
    return own === null ? referrals : referrals.filter((referral) => referral.partnerId === own);
  }
}
