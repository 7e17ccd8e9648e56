import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { EmploymentCenter } from "../employment-center/employment-center.entity";
import { Region } from "./region.entity";

@Resolver(() => Region)
export class RegionResolver {
  @Query(() => Region, { nullable: true, description: "A region by its legal-dong code; null for an unknown code." })
  region(@Arg("code", () => String) code: string, @Ctx() ctx: JobCentersContext): Promise<Region | null> {
    return ctx.loaders.regionByCode.load(code);
  }

  @Query(() => [Region], { description: "All 17 regions, in Statistics Korea's order." })
  regions(@Ctx() ctx: JobCentersContext): Promise<Region[]> {
    return ctx.db.getRepository(Region).find({ order: { kostatCode: "ASC" } });
  }

  @FieldResolver(() => [EmploymentCenter], { description: "Employment centers (고용센터) in this region, sub-offices included." })
  employmentCenters(@Root() region: Region, @Ctx() ctx: JobCentersContext): Promise<EmploymentCenter[]> {
    return ctx.loaders.employmentCentersByRegion.load(region.code);
  }
}
