import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { CenterAnnualStats } from "./center-annual-stats.type";

interface CenterYear {
  centerId: number;
  year: number;
}

/** All requested (center, year) pairs in one statement, read from the materialised per-office figures. */
const SQL = `
  SELECT k.center_id, k.year, coalesce(f.applicants, 0) AS applicants, coalesce(f.started, 0) AS started,
         coalesce(f.employed, 0) AS employed, coalesce(f.placed, 0) AS placed,
         coalesce(f.companies, 0) AS companies, coalesce(f.paid, 0) AS paid
  FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS k(center_id, year, i)
  LEFT JOIN center_year_figures f ON f.center_id = k.center_id AND f.year = k.year
  ORDER BY k.i`;

export function createCenterAnnualStatsLoaders(db: DataSource) {
  const centerAnnualStats = new DataLoader<CenterYear, CenterAnnualStats, string>(
    async (keys) => {
      const rows: Array<Record<string, number | string>> = await db.query(SQL, [keys.map((k) => k.centerId), keys.map((k) => k.year)]);
      // ordered by the position of each key in the batch, so rows line up with keys
      return rows.map((row) => ({ year: Number(row.year), ...figuresOf(row) }));
    },
    { cacheKeyFn: (key) => `${key.centerId}:${key.year}` },
  );
  return { centerAnnualStats };
}

/** The figures of a row of `center_year_figures` (or a sum of them), as the reports name them. */
export function figuresOf(row: Record<string, number | string>): Omit<CenterAnnualStats, "year"> {
  return {
    applicants: Number(row.applicants),
    participantsStarted: Number(row.started),
    employed: Number(row.employed),
    placementEmployments: Number(row.placed),
    workExperienceCompanies: Number(row.companies),
    allowancePaidWon: Number(row.paid),
  };
}
