import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { regionYearLoader } from "../../../../lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds referrals received and resolved by welfare partners. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport {
  @Field(() => Int)
  year: number;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region received that year." })
  welfareReferrals: number;

  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region resolved that year." })
  welfareReferralsResolved: number;
}

const SQL = `
  SELECT p.region_code,
         count(*) FILTER (WHERE r.referred_on >= make_date($1, 1, 1) AND r.referred_on < make_date($1 + 1, 1, 1))::int AS received,
         count(*) FILTER (WHERE r.resolved_on >= make_date($1, 1, 1) AND r.resolved_on < make_date($1 + 1, 1, 1))::int AS resolved
  FROM welfare_referral r JOIN welfare_partner p ON p.id = r.partner_id
  WHERE (r.referred_on >= make_date($1, 1, 1) AND r.referred_on < make_date($1 + 1, 1, 1))
     OR (r.resolved_on >= make_date($1, 1, 1) AND r.resolved_on < make_date($1 + 1, 1, 1))
  GROUP BY p.region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoader(db: DataSource) {
  return regionYearLoader<{ region_code: string; received: number; resolved: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({ year, regionCode, welfareReferrals: row?.received ?? 0, welfareReferralsResolved: row?.resolved ?? 0 }),
  );
}
