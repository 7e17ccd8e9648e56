import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from "type-graphql";
import type { LocalJobCentersContext } from "../context";
import { LocalJobCenter } from "../local-job-center/local-job-center.entity";
import { LocalCenterAnnualStats } from "./local-center-annual-stats.type";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => LocalJobCenter)
export class LocalJobCenterAnnualStatsResolver {
  @RequiresScopes(["report:read"])
  @FieldResolver(() => LocalCenterAnnualStats, { nullable: true, description: "This center's year; null for a year outside the data." })
  async annualStats(
    @Root() center: LocalJobCenter,
    @Arg("year", () => Int) year: number,
    @Ctx() ctx: LocalJobCentersContext,
  ): Promise<LocalCenterAnnualStats | null> {
    if (!(await ctx.loaders.isDataYear(year))) return null;
    return ctx.loaders.localAnnualStats.load({ centerId: center.id, year });
  }
}
