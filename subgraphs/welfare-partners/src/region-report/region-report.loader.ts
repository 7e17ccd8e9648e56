import type { DataSource } from "typeorm";
import { regionYearLoader } from "@lib/loaders/region-year";
import type { RegionReport } from "./region-report.entity";

/** Sums of the materialised per-partner figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(referred)::int AS received, sum(resolved)::int AS resolved
  FROM partner_year_figures WHERE year = $1 GROUP BY region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoaders(db: DataSource) {
  const regionReports = regionYearLoader<{ region_code: string; received: number; resolved: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({
      year,
      regionCode,
      welfareReferrals: row?.received ?? 0,
      welfareReferralsResolved: row?.resolved ?? 0,
    }),
  );
  return { regionReports };
}
