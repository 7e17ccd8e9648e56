import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import type { Figure } from "@lib/reports/suppressed-figure";
import { RequiresScopes } from "@lib/graphql/access";

/** The report row of job-centers; this subgraph adds what local job centers in the region did that year. */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, {
    nullable: true,
    description: "Outreach records discovered that year by local job centers in the region; null when suppressed.",
  })
  outreachDiscovered: Figure;

  @Field(() => Int, { nullable: true, description: "Outreach records linked to a program participant that year; null when suppressed." })
  linkedByLocalCenters: Figure;
}
