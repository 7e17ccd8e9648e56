import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar, YearMonthScalar } from "@lib/graphql/scalars";

@InputType({ description: "One month's job-seeking allowance (구직촉진수당, Act §19–20), Type Ⅰ only." })
export class PayAllowanceInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => YearMonthScalar, { description: "The month paid for: once per participant and month, not before the IAP's month." })
  month: string;

  @Field(() => Int, { description: "Dependants (부양가족) the participant has: +100,000 won each, counting at most 4." })
  dependants: number;

  @Field(() => Int, {
    nullable: true,
    description: "Earnings the participant reported for the month, in won; taken off the amount won for won (0 when omitted).",
  })
  reportedEarningsWon?: number | null;

  @Field(() => DateScalar, { nullable: true, description: "Day of payment; today (in Korea) when omitted." })
  paidOn?: string | null;
}
