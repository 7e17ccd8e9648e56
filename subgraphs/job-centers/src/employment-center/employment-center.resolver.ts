import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from "type-graphql";
import { parseIntId } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";
import { Region } from "../region/region.entity";
import { EmploymentCenter } from "./employment-center.entity";

@Resolver(() => EmploymentCenter)
export class EmploymentCenterResolver {
  @Query(() => EmploymentCenter, { nullable: true, description: "An employment center by id; null when none has it." })
  employmentCenter(@Arg("id", () => ID) id: string, @Ctx() ctx: JobCentersContext): Promise<EmploymentCenter | null> {
    const key = parseIntId(id);
    return key === null ? Promise.resolve(null) : ctx.loaders.employmentCenterById.load(key);
  }

  @Query(() => [EmploymentCenter], { description: "Employment centers, all or those of one region (by legal-dong code)." })
  employmentCenters(
    @Arg("regionCode", () => String, { nullable: true }) regionCode: string | null,
    @Ctx() ctx: JobCentersContext,
  ): Promise<EmploymentCenter[]> {
    if (regionCode !== null && regionCode !== undefined) return ctx.loaders.employmentCentersByRegion.load(regionCode);
    return ctx.db.getRepository(EmploymentCenter).find({ order: { id: "ASC" } });
  }

  @FieldResolver(() => Region)
  async region(@Root() center: EmploymentCenter, @Ctx() ctx: JobCentersContext): Promise<Region> {
    return (await ctx.loaders.regionByCode.load(center.regionCode)) as Region;
  }

  @FieldResolver(() => EmploymentCenter, { nullable: true, description: "The main center of a sub-office; null for a main center." })
  parent(@Root() center: EmploymentCenter, @Ctx() ctx: JobCentersContext): Promise<EmploymentCenter | null> {
    return center.parentId === null ? Promise.resolve(null) : ctx.loaders.employmentCenterById.load(center.parentId);
  }
}
