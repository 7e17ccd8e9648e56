import DataLoader from "dataloader";
import { SafeIntResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";

/** One employment center's year, counted from its records (the figures the ministry reports per office). */
@ObjectType({ description: "One employment center's year, counted from its records." })
export class CenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "Applications (신청) received that year." })
  applicants: number;

  @Field(() => Int, { description: "Participants whose eligibility (수급자격) was decided that year." })
  participantsStarted: number;

  @Field(() => Int, { description: "Participants employed (취업) that year." })
  employed: number;

  @Field(() => Int, { description: "Of `employed`, jobs found through the center's placement (알선취업)." })
  placementEmployments: number;

  @Field(() => Int, { description: "Work-experience host companies (일경험 참여기업) signed up that year." })
  workExperienceCompanies: number;

  @Field(() => SafeIntResolver, { description: "Job-seeking allowance (구직촉진수당) paid that year, in won (beyond 32 bits)." })
  allowancePaidWon: number;
}

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

export function createCenterAnnualStatsLoader(db: DataSource) {
  return new DataLoader<CenterYear, CenterAnnualStats, string>(
    async (keys) => {
      const rows: Array<Record<string, number | string>> = await db.query(SQL, [
        keys.map((k) => k.centerId),
        keys.map((k) => k.year),
      ]);
      // ordered by the position of each key in the batch, so rows line up with keys
      return rows.map((row) => ({
        year: Number(row.year),
        applicants: Number(row.applicants),
        participantsStarted: Number(row.started),
        employed: Number(row.employed),
        placementEmployments: Number(row.placed),
        workExperienceCompanies: Number(row.companies),
        allowancePaidWon: Number(row.paid),
      }));
    },
    { cacheKeyFn: (key) => `${key.centerId}:${key.year}` },
  );
}
