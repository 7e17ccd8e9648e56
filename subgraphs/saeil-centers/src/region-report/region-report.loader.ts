import type { DataSource } from "typeorm";
import { regionYearLoader } from "@lib/loaders/region-year";
import { publishRegions } from "@lib/reports/publish";
import type { Figure } from "@lib/reports/suppressed-figure";
import type { RegionReport } from "./region-report.entity";

/** Sums of the materialised per-center figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed
  FROM saeil_center_year_figures WHERE year = $1 GROUP BY region_code ORDER BY region_code`;

/**
 * Region rows of a year: one statement per year for all regions. Only regions are published (no per-center figures,
 * no national total), so a small count is withheld and nothing else needs to be.
 */
export function createRegionReportLoaders(db: DataSource) {
  const regionReports = regionYearLoader<{ region_code: string; enrolled: Figure; completed: Figure }, RegionReport>(
    async (year) => {
      const rows = await db.query<Array<{ region_code: string; enrolled: number; completed: number }>>(SQL, [year]);
      const published = publishRegions(["enrolled", "completed"], new Map(rows.map(({ region_code, ...counts }) => [region_code, counts])));
      return [...published].map(([region_code, figures]) => ({ region_code, ...figures }));
    },
    ({ year, regionCode }, row) => ({ year, regionCode, saeilEnrollments: row?.enrolled ?? 0, saeilCompletions: row?.completed ?? 0 }),
  );
  return { regionReports };
}
