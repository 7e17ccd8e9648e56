import { GraphQLError } from "graphql";
import { regionYearKeyOf } from "@lib/graphql/region-report-key";
import type { JobCentersContext } from "../context";
import type { RegionYearKey } from "@lib/loaders/region-year";

/** `_entities` for RegionReport: the region's row of that year, out of the year's rows the report loader reads. */
export const regionReportReference = {
  async __resolveReference(ref: RegionYearKey, ctx: JobCentersContext) {
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    const key = regionYearKeyOf(ref);
    if (key instanceof GraphQLError) throw key;
    const rows = await ctx.loaders.regionReports.load(key.year);
    return rows.find((row) => row.regionCode === key.regionCode) ?? null;
  },
};
