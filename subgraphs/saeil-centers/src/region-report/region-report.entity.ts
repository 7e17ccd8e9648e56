import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import type { Figure } from "@lib/reports/suppressed-figure";
import { RequiresScopes } from "@lib/graphql/access";

/** The report row of job-centers; this subgraph adds the Saeil centers' enrollments and completions. */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Saeil course enrollments begun that year in the region; null when suppressed." })
  saeilEnrollments: Figure;

  @Field(() => Int, { nullable: true, description: "Saeil course enrollments completed that year in the region; null when suppressed." })
  saeilCompletions: Figure;
}
