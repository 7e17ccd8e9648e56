import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import { publishOfficesAndRegions, type Published } from "@lib/reports/publish";
import type { LocalCenterAnnualStats } from "./local-center-annual-stats.type";

/** The figures that count persons, withheld when small (`@lib/reports`); the agreed quota is a target, shown. */
const PERSON_COUNTS = ["discovered", "linkedToProgram"] as const;
type PersonCount = (typeof PERSON_COUNTS)[number];

/** A year as published: every center's figures, and every region's (the sum of its centers'). */
export interface LocalReportYear {
  centers: Map<number, Omit<LocalCenterAnnualStats, "year">>;
  /** Only regions with local job centers; any other region counts 0, which is shown. */
  regions: Map<string, Published<PersonCount>>;
}

/**
 * Every local job center with its materialised figures and its agreement for the year, in one statement: whether a
 * figure may be shown depends on the other centers of its region and on the region's total, so the whole year is
 * decided at once, the same way whoever asks and whichever center or region they ask for.
 */
const SQL = `
  SELECT c.id, c.region_code, coalesce(f.discovered, 0) AS discovered, coalesce(f.linked, 0) AS linked, a.quota
  FROM local_job_center c
  LEFT JOIN local_center_year_figures f ON f.center_id = c.id AND f.year = $1
  LEFT JOIN link_agreement a ON a.local_job_center_id = c.id AND a.year = $1
  ORDER BY c.id`;

export async function readLocalReportYear(db: DataSource, year: number): Promise<LocalReportYear> {
  const rows = await db.query<Array<{ id: number; region_code: string; discovered: number; linked: number; quota: number | null }>>(SQL, [
    year,
  ]);
  const published = publishOfficesAndRegions(
    PERSON_COUNTS,
    rows.map((row) => ({
      officeId: Number(row.id),
      regionCode: row.region_code,
      counts: { discovered: Number(row.discovered), linkedToProgram: Number(row.linked) },
    })),
  );
  const centers = new Map(
    rows.map((row) => [
      Number(row.id),
      { ...published.offices.get(Number(row.id))!, agreementQuota: row.quota === null ? null : Number(row.quota) },
    ]),
  );
  return { centers, regions: published.regions };
}

/** Keyed by (center, year); one statement per year in the batch, whatever the number of centers. */
export function createLocalCenterAnnualStatsLoaders(db: DataSource) {
  const localAnnualStats = new DataLoader<{ centerId: number; year: number }, LocalCenterAnnualStats, string>(
    async (keys) => {
      const years = new Map<number, Promise<LocalReportYear>>();
      for (const { year } of keys) if (!years.has(year)) years.set(year, readLocalReportYear(db, year));
      return Promise.all(
        keys.map(async ({ centerId, year }) => ({
          year,
          ...((await years.get(year)!).centers.get(centerId) ?? { discovered: 0, linkedToProgram: 0, agreementQuota: null }),
        })),
      );
    },
    { cacheKeyFn: (key) => `${key.centerId}:${key.year}` },
  );
  return { localAnnualStats };
}
