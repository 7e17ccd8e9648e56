import DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { LocalCenterAnnualStats } from "./local-center-annual-stats.type";

const SQL = `
  SELECT k.center_id, k.year, coalesce(f.discovered, 0) AS discovered, coalesce(f.linked, 0) AS linked,
    (SELECT a.quota FROM link_agreement a WHERE a.local_job_center_id = k.center_id AND a.year = k.year) AS quota
  FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS k(center_id, year, i)
  LEFT JOIN local_center_year_figures f ON f.center_id = k.center_id AND f.year = k.year
  ORDER BY k.i`;

/** All requested (center, year) pairs in one statement, in key order. */
export function createLocalCenterAnnualStatsLoaders(db: DataSource) {
  const localAnnualStats = new DataLoader<{ centerId: number; year: number }, LocalCenterAnnualStats, string>(
    async (keys) => {
      const rows: Array<Record<string, number | null>> = await db.query(SQL, [keys.map((k) => k.centerId), keys.map((k) => k.year)]);
      return rows.map((row) => ({
        year: Number(row.year),
        discovered: Number(row.discovered),
        linkedToProgram: Number(row.linked),
        agreementQuota: row.quota === null ? null : Number(row.quota),
      }));
    },
    { cacheKeyFn: (key) => `${key.centerId}:${key.year}` },
  );
  return { localAnnualStats };
}
