import type { JobCentersContext } from "../context";
import type { RegionYearKey } from "@lib/loaders/region-year";

/** `_entities` for RegionReport: the region's row of that year, out of the year's rows the report loader reads. */
export const regionReportReference = {
  async __resolveReference(ref: RegionYearKey, ctx: JobCentersContext) {
    const rows = await ctx.loaders.regionReports.load(Number(ref.year));
    return rows.find((row) => row.regionCode === ref.regionCode) ?? null;
  },
};
