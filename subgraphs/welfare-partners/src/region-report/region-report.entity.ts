import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import { RequiresScopes } from "@lib/graphql/access";

/** The report row of job-centers; this subgraph adds referrals received and resolved by welfare partners. */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region received that year." })
  welfareReferrals: number;

  @Field(() => Int, { nullable: true, description: "Referrals welfare partners in the region resolved that year." })
  welfareReferralsResolved: number;
}
