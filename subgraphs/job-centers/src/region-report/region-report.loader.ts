import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { Region } from "../region/region.entity";
import type { RegionReport } from "./region-report.entity";
import { figuresOf } from "../center-annual-stats/center-annual-stats.loader";

/**
 * Every region's figures for one year in one statement: the sum over the region's offices of the materialised
 * per-office figures (every participant's center lies in their region); a region with no records gets zeros.
 */
const SQL = `
  SELECT r.code, r.name, r.name_en, r.kostat_code,
         coalesce(sum(f.applicants), 0)::int AS applicants, coalesce(sum(f.started), 0)::int AS started,
         coalesce(sum(f.employed), 0)::int AS employed, coalesce(sum(f.placed), 0)::int AS placed,
         coalesce(sum(f.companies), 0)::int AS companies, coalesce(sum(f.paid), 0)::bigint AS paid
  FROM region r
  LEFT JOIN center_year_figures f ON f.region_code = r.code AND f.year = $1
  GROUP BY r.code
  ORDER BY r.kostat_code`;

type Row = Record<string, string | number>;

function toReport(year: number, row: Row): RegionReport {
  const region: Region = {
    code: String(row.code),
    name: String(row.name),
    nameEn: String(row.name_en),
    kostatCode: String(row.kostat_code),
  };
  return {
    year,
    regionCode: region.code,
    region,
    ...figuresOf(row),
  };
}

/** Keyed by year; a batch of several years runs one statement per year (a request asks for one or two). */
export function createRegionReportLoaders(db: DataSource) {
  const regionReports = new DataLoader<number, RegionReport[]>((years) =>
    Promise.all(years.map(async (year) => (await db.query<Row[]>(SQL, [year])).map((row) => toReport(year, row)))),
  );
  return { regionReports };
}
