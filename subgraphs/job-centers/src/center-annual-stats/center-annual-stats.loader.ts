import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { publishOfficesAndRegions, type OfficeCounts } from "@lib/reports/publish";
import type { Region } from "../region/region.entity";
import type { CenterAnnualStats } from "./center-annual-stats.type";

/** The figures of the report that count persons: withheld when small (`@lib/reports`). */
const PERSON_COUNTS = ["applicants", "participantsStarted", "employed", "placementEmployments"] as const;
type PersonCount = (typeof PERSON_COUNTS)[number];

type Figures = Omit<CenterAnnualStats, "year">;

/** A year of the report as published: every office's figures, and every region's (the sum of its offices'). */
export interface ReportYear {
  offices: Map<number, Figures>;
  /** All regions, in Statistics Korea's order; a region without offices shows zeros. */
  regions: Array<{ region: Region; figures: Figures }>;
}

/**
 * Every office of every region with its materialised figures for the year, in one statement: whether a figure may
 * be shown depends on the other offices of its region and on the region's total, so the whole year is decided at
 * once, the same way whoever asks and whichever office or region they ask for.
 */
const SQL = `
  SELECT r.code, r.name, r.name_en, r.kostat_code, c.id AS center_id,
         coalesce(f.applicants, 0) AS applicants, coalesce(f.started, 0) AS started,
         coalesce(f.employed, 0) AS employed, coalesce(f.placed, 0) AS placed,
         coalesce(f.companies, 0) AS companies, coalesce(f.paid, 0) AS paid
  FROM region r
  LEFT JOIN employment_center c ON c.region_code = r.code
  LEFT JOIN center_year_figures f ON f.center_id = c.id AND f.year = $1
  ORDER BY r.kostat_code, c.id`;

type Row = Record<string, string | number | null>;

export async function readReportYear(db: DataSource, year: number): Promise<ReportYear> {
  const rows = await db.query<Row[]>(SQL, [year]);
  const offices = rows.filter((row) => row.center_id !== null);
  const published = publishOfficesAndRegions(PERSON_COUNTS, offices.map(officeCountsOf));
  const regions = new Map<string, { region: Region; figures: Figures }>();
  for (const row of rows) {
    const code = String(row.code);
    const region = { code, name: String(row.name), nameEn: String(row.name_en), kostatCode: String(row.kostat_code) };
    const entry = regions.get(code) ?? { region, figures: { ...ZERO, ...published.regions.get(code) } };
    // companies and won are not counts of persons: summed as they are
    entry.figures.workExperienceCompanies += Number(row.companies);
    entry.figures.allowancePaidWon += Number(row.paid);
    regions.set(code, entry);
  }
  return {
    offices: new Map(
      offices.map((row) => [
        Number(row.center_id),
        {
          ...published.offices.get(Number(row.center_id))!,
          workExperienceCompanies: Number(row.companies),
          allowancePaidWon: Number(row.paid),
        },
      ]),
    ),
    regions: [...regions.values()],
  };
}

const ZERO: Figures = {
  applicants: 0,
  participantsStarted: 0,
  employed: 0,
  placementEmployments: 0,
  workExperienceCompanies: 0,
  allowancePaidWon: 0,
};

function officeCountsOf(row: Row): OfficeCounts<PersonCount> {
  return {
    officeId: Number(row.center_id),
    regionCode: String(row.code),
    counts: {
      applicants: Number(row.applicants),
      participantsStarted: Number(row.started),
      employed: Number(row.employed),
      placementEmployments: Number(row.placed),
    },
  };
}

/** Keyed by (center, year); one statement per year in the batch, whatever the number of centers. */
export function createCenterAnnualStatsLoaders(db: DataSource) {
  const centerAnnualStats = new DataLoader<{ centerId: number; year: number }, CenterAnnualStats, string>(
    async (keys) => {
      const years = new Map<number, Promise<ReportYear>>();
      for (const { year } of keys) if (!years.has(year)) years.set(year, readReportYear(db, year));
      return Promise.all(keys.map(async ({ centerId, year }) => ({ year, ...((await years.get(year)!).offices.get(centerId) ?? ZERO) })));
    },
    { cacheKeyFn: (key) => `${key.centerId}:${key.year}` },
  );
  return { centerAnnualStats };
}
