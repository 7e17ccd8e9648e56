import { SafeIntResolver } from "graphql-scalars";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import { Region } from "../region/region.entity";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * One region's year. An entity keyed by (year, regionCode) so that each agency's subgraph adds the figures it
 * counts from its own records; the gateway assembles the row.
 */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType({ description: "One region's figures for a year, each counted from the records of the agency that owns them." })
export class RegionReport extends RegionReportKey {
  @Field(() => Region)
  region: Region;

  @Field(() => Int, { description: "Applications received that year (employment centers)." })
  applicants: number;

  @Field(() => Int, { description: "Participants whose eligibility was decided that year." })
  participantsStarted: number;

  @Field(() => Int, { description: "Participants employed that year." })
  employed: number;

  @Field(() => Int, { description: "Of `employed`, jobs found through placement (알선취업)." })
  placementEmployments: number;

  @Field(() => Int, { description: "Work-experience host companies (일경험 참여기업) signed up that year." })
  workExperienceCompanies: number;

  @Field(() => SafeIntResolver, { description: "Job-seeking allowance paid that year, in won." })
  allowancePaidWon: number;
}
