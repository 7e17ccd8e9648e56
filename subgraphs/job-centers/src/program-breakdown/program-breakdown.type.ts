import { Field, Int, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import { BreakdownCell } from "./breakdown-cell.type";
import { BreakdownTotal } from "./breakdown-figures.type";
import { ReportDimension } from "./report-dimension.enums";

@RequiresScopes(["report:read"])
@ObjectType({
  description:
    "A program year broken down by one or two dimensions. A center manager reads their own office's figures in full; every other reader (an analyst, a counsellor, …) reads the national figures with small counts withheld.",
})
export class ProgramBreakdown {
  @Field(() => Int)
  year: number;

  @Field(() => [ReportDimension], { description: "The dimensions asked, in the order asked." })
  by: ReportDimension[];

  @Field(() => BreakdownTotal)
  total: BreakdownTotal;

  @Field(() => [BreakdownCell], {
    description:
      "The cells with any record in the year, ordered by the first dimension, then the second (in each enum's order; regions in Statistics Korea's, offices by id).",
  })
  cells: BreakdownCell[];
}
