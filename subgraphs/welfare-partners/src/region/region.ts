import { Ctx, Directive, Field, FieldResolver, ObjectType, Resolver, Root } from "type-graphql";
import type { WelfarePartnersContext } from "../context";
import { WelfarePartner } from "../welfare-partner/welfare-partner.entity";

/** The region entity of job-centers; this subgraph adds the welfare partners located there. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Region {
  @Field(() => String)
  code: string;
}

@Resolver(() => Region)
export class RegionWelfarePartnersResolver {
  @FieldResolver(() => [WelfarePartner], { nullable: true, description: "Welfare partners (복지기관) in this region." })
  welfarePartners(@Root() region: Region, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner[]> {
    return ctx.loaders.welfarePartnersByRegion.load(region.code);
  }
}
