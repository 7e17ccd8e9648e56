import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { RegionReport } from "./region-report.entity";
import { readReportYear } from "../center-annual-stats/center-annual-stats.loader";

/**
 * Every region's figures for one year in one statement: the sum over the region's offices of the materialised
 * per-office figures (every participant's center lies in their region), withheld where they could identify a person
 * together with the offices' figures; a region with no records gets zeros.
 */
export function createRegionReportLoaders(db: DataSource) {
  // keyed by year; a batch of several years runs one statement per year (a request asks for one or two)
  const regionReports = new DataLoader<number, RegionReport[]>((years) =>
    Promise.all(
      years.map(async (year) =>
        (await readReportYear(db, year)).regions.map(({ region, figures }) => ({ year, regionCode: region.code, region, ...figures })),
      ),
    ),
  );
  return { regionReports };
}
