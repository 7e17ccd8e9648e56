import type { DataSource } from "typeorm";
import { regionYearLoader } from "@lib/loaders/region-year";
import type { RegionReport } from "./region-report.entity";

/** Sums of the materialised per-center figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed
  FROM saeil_center_year_figures WHERE year = $1 GROUP BY region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoaders(db: DataSource) {
  const regionReports = regionYearLoader<{ region_code: string; enrolled: number; completed: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({ year, regionCode, saeilEnrollments: row?.enrolled ?? 0, saeilCompletions: row?.completed ?? 0 }),
  );
  return { regionReports };
}
