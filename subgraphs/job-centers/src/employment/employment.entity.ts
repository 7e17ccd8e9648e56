import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** The job (30+ hours a week) that ended support (Act §29, Rule §20). */
@ObjectType({ description: "The job (30+ hours a week) that ended the participant's support (취업)." })
@Entity("employment")
export class Employment {
  @PrimaryColumn({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => DateScalar)
  @Column({ name: "employed_on", type: "date" })
  employedOn: string;

  @Field(() => String)
  @Column({ name: "employer_name", type: "text" })
  employerName: string;

  @Field(() => String)
  @Column({ type: "text" })
  occupation: string;

  @Field(() => Int)
  @Column({ name: "weekly_hours", type: "smallint" })
  weeklyHours: number;

  @Field(() => Boolean, { description: "Found through the center's job placement (알선취업)." })
  @Column({ name: "via_placement", type: "boolean" })
  viaPlacement: boolean;
}
