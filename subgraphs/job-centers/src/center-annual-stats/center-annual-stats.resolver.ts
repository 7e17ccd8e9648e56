import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { JobCentersContext } from "../context";
import { EmploymentCenter } from "../employment-center/employment-center.entity";
import { CenterAnnualStats } from "./center-annual-stats.type";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => EmploymentCenter)
export class EmploymentCenterAnnualStatsResolver {
  @RequiresScopes(["report:read"])
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
