import { SafeIntResolver } from "graphql-scalars";
import { Field, Int, ObjectType } from "type-graphql";
import type { Figure } from "@lib/reports/suppressed-figure";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * One employment center's year, counted from its records (the figures the ministry reports per office). Counts of
 * persons may be withheld (null, with a SUPPRESSED error at their path) so that no figure identifies a person.
 */
@RequiresScopes(["report:read"])
@ObjectType({
  description:
    "One employment center's year, counted from its records. A count of persons from 1 to 4, or one that would reveal such a count by subtraction, is null with a SUPPRESSED error at its path (PIPA §28-2).",
})
export class CenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: "Applications (신청) received that year; null when suppressed." })
  applicants: Figure;

  @Field(() => Int, {
    nullable: true,
    description: "Participants whose eligibility (수급자격) was decided that year; null when suppressed.",
  })
  participantsStarted: Figure;

  @Field(() => Int, { nullable: true, description: "Participants employed (취업) that year; null when suppressed." })
  employed: Figure;

  @Field(() => Int, {
    nullable: true,
    description: "Of `employed`, jobs found through the center's placement (알선취업); null when suppressed.",
  })
  placementEmployments: Figure;

  @Field(() => Int, { description: "Work-experience host companies (일경험 참여기업) signed up that year (companies: never suppressed)." })
  workExperienceCompanies: number;

  @Field(() => SafeIntResolver, { description: "Job-seeking allowance (구직촉진수당) paid that year, in won (beyond 32 bits)." })
  allowancePaidWon: number;
}
