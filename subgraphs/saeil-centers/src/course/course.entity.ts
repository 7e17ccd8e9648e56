import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** A vocational training course run by a Saeil center. */
@ObjectType({ description: "A vocational training course (직업교육훈련) of a Saeil center." })
@Entity("saeil_course")
export class Course {
  @Field(() => ID)
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ name: "saeil_center_id", type: "integer" })
  saeilCenterId: number;

  @Field(() => String)
  @Column({ type: "text" })
  title: string;

  @Field(() => String, { description: "Field of work, e.g. 사무행정, 돌봄, IT." })
  @Column({ type: "text" })
  field: string;

  @Field(() => Int, { description: "Length in hours." })
  @Column({ type: "smallint" })
  hours: number;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;
}
