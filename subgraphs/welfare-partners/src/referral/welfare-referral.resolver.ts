import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import type { WelfarePartnersContext } from "../context";
import { Participant } from "../participant/participant";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";
import { WelfareReferral } from "./welfare-referral.entity";

export function createReferralLoaders(db: DataSource) {
  return {
    referralsByParticipant: listLoader<string, WelfareReferral>(
      (ids) => db.getRepository(WelfareReferral).find({ where: { participantId: In([...ids]) }, order: { referredOn: "ASC", id: "ASC" } }),
      (r) => r.participantId,
    ),
  };
}

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
