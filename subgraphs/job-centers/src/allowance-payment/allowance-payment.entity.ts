import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar, YearMonthScalar } from "@lib/graphql/scalars";

/** A monthly job-seeking allowance payment (구직촉진수당, track Ⅰ; Act §19–20). */
@ObjectType({ description: "A monthly job-seeking allowance payment (구직촉진수당)." })
@Entity("allowance_payment")
export class AllowancePayment {
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => YearMonthScalar, { description: "The month the allowance is for." })
  @Column({ type: "char", length: 7 })
  month: string;

  @Field(() => Int, { description: "Amount in won (50만원 + 10만원 per dependant, up to +40만원)." })
  @Column({ name: "amount_won", type: "integer" })
  amountWon: number;

  @Field(() => DateScalar)
  @Column({ name: "paid_on", type: "date" })
  paidOn: string;
}
