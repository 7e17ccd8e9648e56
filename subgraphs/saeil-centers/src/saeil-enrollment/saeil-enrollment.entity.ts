import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { EnrollmentStatus } from "./saeil-enrollment.enums";
import { RequiresScopes } from "@lib/graphql/access";

/** A participant's enrollment in a Saeil course. */
@RequiresScopes(["participant:read"])
@ObjectType({ description: "A participant's enrollment in a Saeil center course." })
@Entity("saeil_enrollment")
export class SaeilEnrollment {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "course_id", type: "integer" })
  courseId: number;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => EnrollmentStatus)
  @Column({ type: "text" })
  status: EnrollmentStatus;

  @Field(() => DateScalar)
  @Column({ name: "enrolled_on", type: "date" })
  enrolledOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "completed_on", type: "date", nullable: true })
  completedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "dropped_on", type: "date", nullable: true })
  droppedOn: string | null;

  @Field(() => Int, { description: "Increases with every change of status; send it back as `expectedVersion`." })
  @Column({ type: "integer" })
  version: number;
}
