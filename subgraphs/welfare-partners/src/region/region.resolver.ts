import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { Region } from "./region.entity";
import type { WelfarePartnersContext } from "../context";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";

@Resolver(() => Region)
export class RegionWelfarePartnersResolver {
  @FieldResolver(() => [WelfarePartner], { nullable: true, description: "Welfare partners (복지기관) in this region." })
  welfarePartners(@Root() region: Region, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner[]> {
    return ctx.loaders.welfarePartnersByRegion.load(region.code);
  }
}
