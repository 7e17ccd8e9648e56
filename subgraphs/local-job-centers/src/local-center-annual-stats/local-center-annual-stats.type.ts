import { Field, Int, ObjectType } from "type-graphql";
import type { Figure } from "@lib/reports/suppressed-figure";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * One local job center's year: people found (발굴), people linked into the program, and the agreed quota. The
 * counts of people may be withheld (null, with a SUPPRESSED error at their path); the quota is a target, shown.
 */
@RequiresScopes(["report:read"])
@ObjectType({
  description:
    "One local job center's year, counted from its records. A count of persons from 1 to 4, or one that would reveal such a count by subtraction, is null with a SUPPRESSED error at its path (PIPA §28-2).",
})
export class LocalCenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { nullable: true, description: "People in blind spots found (발굴) that year; null when suppressed." })
  discovered: Figure;

  @Field(() => Int, { nullable: true, description: "Outreach records linked to a program participant that year; null when suppressed." })
  linkedToProgram: Figure;

  @Field(() => Int, { nullable: true, description: "People the center agreed to link that year (연계 협약); null without an agreement." })
  agreementQuota: number | null;
}
