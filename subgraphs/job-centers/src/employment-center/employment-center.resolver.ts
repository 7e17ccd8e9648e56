import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from "type-graphql";
import { parseIntId } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";
import { Region } from "../region/region.entity";
import { CenterAnnualStats } from "./center-annual-stats";
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

  @FieldResolver(() => CenterAnnualStats, {
    nullable: true,
    description: "This office's figures for a year, counted from its records; null for a year outside the data.",
  })
  async annualStats(
    @Root() center: EmploymentCenter,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: JobCentersContext,
  ): Promise<CenterAnnualStats | null> {
    if (!(await ctx.loaders.isDataYear(year))) return null;
    return ctx.loaders.centerAnnualStats.load({ centerId: center.id, year });
  }
}

/** `_entities` for EmploymentCenter. */
export const employmentCenterReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.employmentCenterById.load(key);
  },
};
