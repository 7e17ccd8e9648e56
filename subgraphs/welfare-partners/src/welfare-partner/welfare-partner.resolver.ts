import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import type { DataSource, FindOptionsWhere } from "typeorm";
import { In } from "typeorm";
import { parseIntId } from "@lib/graphql/ids";
import { listLoader, rowLoader } from "@lib/loaders/by-key";
import type { WelfarePartnersContext } from "../context";
import { Region } from "../region/region";
import { WelfarePartner, WelfarePartnerKind } from "./welfare-partner.entity";

export function createWelfarePartnerLoaders(db: DataSource) {
  const repository = db.getRepository(WelfarePartner);
  return {
    welfarePartnerById: rowLoader<number, WelfarePartner>((ids) => repository.findBy({ id: In([...ids]) }), (p) => p.id),
    welfarePartnersByRegion: listLoader<string, WelfarePartner>(
      (codes) => repository.find({ where: { regionCode: In([...codes]) }, order: { id: "ASC" } }),
      (p) => p.regionCode,
    ),
  };
}

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

export const welfarePartnerReference = {
  __resolveReference(ref: { id: string }, ctx: WelfarePartnersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.welfarePartnerById.load(key);
  },
};
