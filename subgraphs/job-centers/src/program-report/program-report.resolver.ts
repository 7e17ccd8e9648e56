import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { JobCentersContext } from "../context";
import { ProgramReport } from "./program-report.type";
import { RequiresScopes } from "@lib/graphql/access";

@Resolver(() => ProgramReport)
export class ProgramReportResolver {
  @RequiresScopes(["report:read"])
  @Query(() => ProgramReport, {
    nullable: true,
    description: "The national report for a program year, one row per region; null for a year outside the data.",
  })
  async programReport(@Arg("year", () => Int) year: number, @Ctx() ctx: JobCentersContext): Promise<ProgramReport | null> {
    if (!(await ctx.loaders.isDataYear(year))) return null;
    return { year, regions: await ctx.loaders.regionReports.load(year) };
  }
}
