import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import type { Figure } from "@lib/reports/suppressed-figure";
import { RequiresScopes } from "@lib/graphql/access";

/** The report row of job-centers; this subgraph adds referrals received and resolved by welfare partners. */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region received that year; null when suppressed." })
  welfareReferrals: Figure;

  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region resolved that year; null when suppressed." })
  welfareReferralsResolved: Figure;
}
