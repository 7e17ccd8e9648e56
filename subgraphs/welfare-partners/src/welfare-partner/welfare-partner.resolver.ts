import type { FindOptionsWhere } from "typeorm";
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { parseIntId } from "@lib/graphql/ids";
import type { WelfarePartnersContext } from "../context";
import { Region } from "../region/region.entity";
import { WelfarePartner } from "./welfare-partner.entity";
import { WelfarePartnerKind } from "./welfare-partner.enums";

@Resolver(() => WelfarePartner)
export class WelfarePartnerResolver {
  @Query(() => WelfarePartner, { nullable: true, description: "A welfare partner by id; null when none has it." })
  welfarePartner(@Arg("id", () => ID) id: string, @Ctx() ctx: WelfarePartnersContext): Promise<WelfarePartner | null> {
    const key = parseIntId(id);
    return key === null ? Promise.resolve(null) : ctx.loaders.welfarePartnerById.load(key);
  }

  @Query(() => [WelfarePartner], { description: "Welfare partners, optionally of one region and/or one kind." })
  welfarePartners(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | null,
    @Arg("kind", () => WelfarePartnerKind, { nullable: true }) kind: WelfarePartnerKind | null,
    @Ctx() ctx: WelfarePartnersContext,
  ): Promise<WelfarePartner[]> {
    const where: FindOptionsWhere<WelfarePartner> = {};
    if (regionCode != null) where.regionCode = regionCode;
    if (kind != null) where.kind = kind;
    return ctx.db.getRepository(WelfarePartner).find({ where, order: { id: "ASC" } });
  }

  @FieldResolver(() => Region)
  region(@Root() partner: WelfarePartner): Region {
    return { code: partner.regionCode };
  }
}
