import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import { badUserInput } from "@lib/graphql/errors";
import { todayInKorea } from "@lib/mutation/dates";
import type { Viewer } from "@lib/auth/viewer";
import type { JobCentersContext } from "../context";
import { ProgramBreakdown } from "./program-breakdown.type";
import { ReportDimension } from "./report-dimension.enums";
import { buildBreakdown } from "./program-breakdown.build";

@Resolver(() => ProgramBreakdown)
export class ProgramBreakdownResolver {
  @RequiresScopes(["report:read"])
  @Query(() => ProgramBreakdown, {
    nullable: true,
    description:
      "A program year broken down by one or two dimensions (`by`, distinct), with the total: the figures an analyst compares across regions, offices, tracks, age bands, genders, quarters or months. Null for a year outside the data.",
  })
  async programBreakdown(
    @Arg("year", () => Int) year: number,
    @Arg("by", () => [ReportDimension]) by: ReportDimension[],
    @Ctx() ctx: JobCentersContext,
  ): Promise<ProgramBreakdown | null> {
    if (by.length < 1 || by.length > 2) throw badUserInput(`by names 1 or 2 dimensions; it named ${by.length}.`, "by");
    if (new Set(by).size !== by.length) throw badUserInput(`by names each dimension once; ${by[0]} is named twice.`, "by");
    if (!(await ctx.loaders.isDataYear(year))) return null;
    const today = todayInKorea();
    const monthNow = Number(today.slice(0, 4)) * 12 + Number(today.slice(5, 7)) - 1;
    return buildBreakdown(ctx, year, by, monthNow, ownCenterOf(ctx.viewer));
  }
}

/**
 * A center manager's breakdown is their own office's records, in full: they already answer for those people, and
 * national cells shown in full beside withheld ones would undo the withholding by subtraction. Everyone else reads
 * the national breakdown with small counts withheld (null).
 */
function ownCenterOf(viewer: Viewer): number | null {
  return viewer.kind === "user" && viewer.role === "CENTER_MANAGER" && viewer.org?.kind === "EMPLOYMENT_CENTER" ? viewer.org.id : null;
}
