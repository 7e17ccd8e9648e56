import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { Region } from "../region/region.entity";
import type { RegionReport } from "./region-report";

/**
 * Every region's figures for one year in one statement: each figure is a GROUP BY over rows of that year only,
 * found through the date indexes, then joined to the 17 regions (a region with no records gets zeros).
 */
const SQL = `
  WITH y AS (SELECT make_date($1, 1, 1) AS y0, make_date($1 + 1, 1, 1) AS y1),
  applied AS (SELECT region_code, count(*) AS n FROM participant, y
              WHERE applied_on >= y0 AND applied_on < y1 GROUP BY region_code),
  started AS (SELECT region_code, count(*) AS n FROM participant, y
              WHERE eligibility_decided_on >= y0 AND eligibility_decided_on < y1 GROUP BY region_code),
  employed AS (SELECT p.region_code, count(*) AS n, count(*) FILTER (WHERE e.via_placement) AS placed
               FROM employment e JOIN participant p ON p.id = e.participant_id, y
               WHERE e.employed_on >= y0 AND e.employed_on < y1 GROUP BY p.region_code),
  companies AS (SELECT c.region_code, count(*) AS n
                FROM work_experience_company w JOIN employment_center c ON c.id = w.employment_center_id, y
                WHERE w.signed_up_on >= y0 AND w.signed_up_on < y1 GROUP BY c.region_code),
  paid AS (SELECT p.region_code, sum(a.amount_won) AS won
           FROM allowance_payment a JOIN participant p ON p.id = a.participant_id, y
           WHERE a.paid_on >= y0 AND a.paid_on < y1 GROUP BY p.region_code)
  SELECT r.code, r.name, r.name_en, r.kostat_code,
         coalesce(applied.n, 0)::int AS applicants, coalesce(started.n, 0)::int AS started,
         coalesce(employed.n, 0)::int AS employed, coalesce(employed.placed, 0)::int AS placed,
         coalesce(companies.n, 0)::int AS companies, coalesce(paid.won, 0)::bigint AS paid
  FROM region r
  LEFT JOIN applied ON applied.region_code = r.code
  LEFT JOIN started ON started.region_code = r.code
  LEFT JOIN employed ON employed.region_code = r.code
  LEFT JOIN companies ON companies.region_code = r.code
  LEFT JOIN paid ON paid.region_code = r.code
  ORDER BY r.kostat_code`;

type Row = Record<string, string | number>;

function toReport(year: number, row: Row): RegionReport {
  const region: Region = { code: String(row.code), name: String(row.name), nameEn: String(row.name_en), kostatCode: String(row.kostat_code) };
  return {
    year,
    regionCode: region.code,
    region,
    applicants: Number(row.applicants),
    participantsStarted: Number(row.started),
    employed: Number(row.employed),
    placementEmployments: Number(row.placed),
    workExperienceCompanies: Number(row.companies),
    allowancePaidWon: Number(row.paid),
  };
}

/** Keyed by year; a batch of several years runs one statement per year (a request asks for one or two). */
export function createRegionReportLoader(db: DataSource) {
  return new DataLoader<number, RegionReport[]>((years) =>
    Promise.all(years.map(async (year) => ((await db.query(SQL, [year])) as Row[]).map((row) => toReport(year, row)))),
  );
}
