import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import { regionYearLoader } from "@lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds referrals received and resolved by welfare partners. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region received that year." })
  welfareReferrals: number;

  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region resolved that year." })
  welfareReferralsResolved: number;
}

/** Sums of the materialised per-partner figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(referred)::int AS received, sum(resolved)::int AS resolved
  FROM partner_year_figures WHERE year = $1 GROUP BY region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoader(db: DataSource) {
  return regionYearLoader<{ region_code: string; received: number; resolved: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({ year, regionCode, welfareReferrals: row?.received ?? 0, welfareReferralsResolved: row?.resolved ?? 0 }),
  );
}
