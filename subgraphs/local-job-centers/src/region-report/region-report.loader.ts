import type { DataSource } from "typeorm";
import { regionYearLoader } from "@lib/loaders/region-year";
import type { Figure } from "@lib/reports/suppressed-figure";
import type { RegionReport } from "./region-report.entity";
import { readLocalReportYear } from "../local-center-annual-stats/local-center-annual-stats.loader";

/**
 * Region rows of a year: one statement per year for all regions, the sums of the materialised per-center figures,
 * withheld where they could identify a person together with the centers' figures.
 */
export function createRegionReportLoaders(db: DataSource) {
  const regionReports = regionYearLoader<{ region_code: string; discovered: Figure; linkedToProgram: Figure }, RegionReport>(
    async (year) => [...(await readLocalReportYear(db, year)).regions].map(([region_code, figures]) => ({ region_code, ...figures })),
    ({ year, regionCode }, row) => ({
      year,
      regionCode,
      outreachDiscovered: row?.discovered ?? 0,
      linkedByLocalCenters: row?.linkedToProgram ?? 0,
    }),
  );
  return { regionReports };
}
