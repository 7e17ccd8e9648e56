import DataLoader from "dataloader";
import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { createYearRangeCheck } from "@lib/loaders/year-range";

/** One local job center's year: people found (발굴), people linked into the program, and the agreed quota. */
@ObjectType({ description: "One local job center's year, counted from its records." })
export class LocalCenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "People in blind spots found (발굴) that year." })
  discovered: number;

  @Field(() => Int, { description: "Outreach records linked to a program participant that year." })
  linkedToProgram: number;

  @Field(() => Int, { nullable: true, description: "People the center agreed to link that year (연계 협약); null without an agreement." })
  agreementQuota: number | null;
}

const SQL = `
  SELECT k.center_id, k.year, coalesce(f.discovered, 0) AS discovered, coalesce(f.linked, 0) AS linked,
    (SELECT a.quota FROM link_agreement a WHERE a.local_job_center_id = k.center_id AND a.year = k.year) AS quota
  FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS k(center_id, year, i)
  LEFT JOIN local_center_year_figures f ON f.center_id = k.center_id AND f.year = k.year
  ORDER BY k.i`;

/** All requested (center, year) pairs in one statement, in key order. */
export function createLocalAnnualStatsLoader(db: DataSource) {
  return new DataLoader<{ centerId: number; year: number }, LocalCenterAnnualStats, string>(
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
}

/** Years of the local centers' records: outreach discoveries and linkage agreements. */
export function createLocalDataYearCheck(db: DataSource): (year: number) => Promise<boolean> {
  return createYearRangeCheck(
    db,
    `SELECT least((SELECT min(year) FROM local_center_year_figures WHERE discovered > 0), (SELECT min(year) FROM link_agreement))::int AS first,
            greatest((SELECT max(year) FROM local_center_year_figures WHERE discovered > 0), (SELECT max(year) FROM link_agreement))::int AS last`,
  );
}
