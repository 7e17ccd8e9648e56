import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { PlacementResult } from "./placement.enums";

/** A job placement referral (취업알선): the center refers the participant to an employer's vacancy. */
@ObjectType({ description: "A job placement referral (취업알선) to an employer's vacancy." })
@Entity("placement")
export class Placement {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => DateScalar)
  @Column({ name: "referred_on", type: "date" })
  referredOn: string;

  @Field(() => String)
  @Column({ name: "employer_name", type: "text" })
  employerName: string;

  @Field(() => String)
  @Column({ type: "text" })
  occupation: string;

  @Field(() => PlacementResult)
  @Column({ type: "text" })
  result: PlacementResult;

  @Field(() => DateScalar, { nullable: true, description: "Day the result was known; null while PENDING (and for older records)." })
  @Column({ name: "result_on", type: "date", nullable: true })
  resultOn: string | null;
}
