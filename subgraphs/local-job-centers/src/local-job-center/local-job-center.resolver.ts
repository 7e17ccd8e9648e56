import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { parseIntId } from "@lib/graphql/ids";
import type { LocalJobCentersContext } from "../context";
import { Region } from "../region/region.entity";
import { LocalJobCenter } from "./local-job-center.entity";

@Resolver(() => LocalJobCenter)
export class LocalJobCenterResolver {
  @Query(() => LocalJobCenter, { nullable: true, description: "A local job center by id; null when none has it." })
  localJobCenter(@Arg("id", () => ID) id: string, @Ctx() ctx: LocalJobCentersContext): Promise<LocalJobCenter | null> {
    const key = parseIntId(id);
    return key === null ? Promise.resolve(null) : ctx.loaders.localJobCenterById.load(key);
  }

  @Query(() => [LocalJobCenter], { description: "Local job centers, all or those of one region." })
  localJobCenters(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: LocalJobCentersContext,
  ): Promise<LocalJobCenter[]> {
    if (regionCode != null) return ctx.loaders.localJobCentersByRegion.load(regionCode);
    return ctx.db.getRepository(LocalJobCenter).find({ order: { id: "ASC" } });
  }

  @FieldResolver(() => Region)
  region(@Root() center: LocalJobCenter): Region {
    return { code: center.regionCode };
  }
}
