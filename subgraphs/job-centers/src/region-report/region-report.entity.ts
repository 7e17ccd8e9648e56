import { SafeIntResolver } from "graphql-scalars";
import { Directive, Field, Int, ObjectType } from "type-graphql";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import type { Figure } from "@lib/reports/suppressed-figure";
import { Region } from "../region/region.entity";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * One region's year. An entity keyed by (year, regionCode) so that each agency's subgraph adds the figures it
 * counts from its own records; the gateway assembles the row. Counts of persons may be withheld (null, with a
 * SUPPRESSED error at their path) so that no figure, alone or subtracted from others, identifies a person.
 */
@Directive(`@key(fields: "year regionCode")`)
@RequiresScopes(["report:read"])
@ObjectType({
  description:
    "One region's figures for a year, each counted from the records of the agency that owns them. A count of persons from 1 to 4, or one that would reveal such a count by subtraction, is null with a SUPPRESSED error at its path (PIPA §28-2).",
})
export class RegionReport extends RegionReportKey {
  @Field(() => Region)
  region: Region;

  @Field(() => Int, { nullable: true, description: "Applications received that year (employment centers); null when suppressed." })
  applicants: Figure;

  @Field(() => Int, { nullable: true, description: "Participants whose eligibility was decided that year; null when suppressed." })
  participantsStarted: Figure;

  @Field(() => Int, { nullable: true, description: "Participants employed that year; null when suppressed." })
  employed: Figure;

  @Field(() => Int, { nullable: true, description: "Of `employed`, jobs found through placement (알선취업); null when suppressed." })
  placementEmployments: Figure;

  @Field(() => Int, { description: "Work-experience host companies (일경험 참여기업) signed up that year." })
  workExperienceCompanies: number;

  @Field(() => SafeIntResolver, { description: "Job-seeking allowance paid that year, in won." })
  allowancePaidWon: number;
}
