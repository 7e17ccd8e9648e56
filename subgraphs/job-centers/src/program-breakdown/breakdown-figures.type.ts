import { Field, Float, Int, InterfaceType, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * The ten figures of a breakdown's cell and of its total, each defined where the schema shows it (and in
 * docs/domain.md#breakdown). Counts are of persons (or jobs) and may be withheld (null) for an analyst; a rate, median
 * or sum computed on a withheld count is withheld with it.
 */
// Federation refuses @requiresScopes on an interface: each type that implements it carries the rule instead
@InterfaceType({
  description:
    "The figures of one cell of `programBreakdown` (or of its total), each counted from the employment centers' records in the month of its own event. For a viewer without an office, a count from 1 to 4, or one that would reveal such a count by subtraction from the other cells or from a total (also the row and column totals of a two-way breakdown), is null, as is every rate, median or sum computed on it (PIPA §28-2); `suppressed` then says so.",
  resolveType: (value: object) => ("key" in value ? "BreakdownCell" : "BreakdownTotal"),
})
export abstract class BreakdownFigures {
  @Field(() => Int, { nullable: true, description: "Applications (신청, Act §8) received, counted in the month of the application." })
  applicants: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Participants started: eligibility (수급자격) decided, counted in the month of the decision (Act §10), as `programReport` counts them.",
  })
  participantsStarted: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "Participants employed (취업): a job of 30+ hours a week that ended support (Act §29, Rule §20), counted in the month the job began.",
  })
  employed: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "Of `employed`, jobs found through the center's placement (알선취업), counted in the month the job began.",
  })
  placementEmployments: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "취업률, as the ministry reports it: employed among the participants whose participation ended in the period. Participation ends with the job that ends support (its first day) or, without one, with the case's closure (종료: withdrawn, found ineligible, deferral expired, follow-up finished); applicants never found eligible never participated. 0..1; null when no participation ended.",
  })
  employmentRate: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Placement share: `placementEmployments` / `employed` (0..1); null when nobody was employed.",
  })
  placementShare: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Median of the days from the action plan (취업활동계획, Act §12) to the first day of the job, over `employed` with a plan (exact: the middle value, or the mean of the two middle values); null when none.",
  })
  medianDaysToEmployment: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "Retention at 6 months: of the jobs in `employed` whose 6-month mark (the same day 6 months on) falls in a month already over, the share still held then (no end recorded, or an end on or after the mark), as the 취업성공수당 is paid after 6 months in work. 0..1; null when no mark has passed.",
  })
  retainedAt6Months: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Retention at 12 months, defined as `retainedAt6Months` with the 12-month mark. 0..1; null when no mark has passed.",
  })
  retainedAt12Months: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      "구직촉진수당 (job-seeking allowance, Act §19–20) paid, in won, counted on the day of payment. Withheld when fewer than 5 persons could have been paid.",
  })
  allowancePaidWon: number | null;
}

@RequiresScopes(["report:read"])
@ObjectType({
  implements: BreakdownFigures,
  description: "The breakdown's total: the national figures, or a center manager's own office's.",
})
export class BreakdownTotal extends BreakdownFigures {
  @Field(() => Boolean, { description: "Whether any figure of the total is withheld (null) to protect a small count." })
  suppressed: boolean;
}
