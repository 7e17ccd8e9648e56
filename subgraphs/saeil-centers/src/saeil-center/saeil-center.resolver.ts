import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { parseIntId } from "@lib/graphql/ids";
import type { SaeilCentersContext } from "../context";
import { Region } from "../region/region.entity";
import { SaeilCenter } from "./saeil-center.entity";

@Resolver(() => SaeilCenter)
export class SaeilCenterResolver {
  @Query(() => SaeilCenter, { nullable: true, description: "A Saeil center by id; null when none has it." })
  saeilCenter(@Arg("id", () => ID) id: string, @Ctx() ctx: SaeilCentersContext): Promise<SaeilCenter | null> {
    const key = parseIntId(id);
    return key === null ? Promise.resolve(null) : ctx.loaders.saeilCenterById.load(key);
  }

  @Query(() => [SaeilCenter], { description: "Saeil centers, all or those of one region." })
  saeilCenters(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: SaeilCentersContext,
  ): Promise<SaeilCenter[]> {
    if (regionCode != null) return ctx.loaders.saeilCentersByRegion.load(regionCode);
    return ctx.db.getRepository(SaeilCenter).find({ order: { id: "ASC" } });
  }

  @FieldResolver(() => Region)
  region(@Root() center: SaeilCenter): Region {
    return { code: center.regionCode };
  }
}
