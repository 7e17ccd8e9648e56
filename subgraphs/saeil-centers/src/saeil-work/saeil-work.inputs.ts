import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "A vocational course (직업교육훈련) your Saeil center runs." })
export class CreateCourseInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => String, { description: "1–100 characters." })
  title: string;

  @Field(() => String, { description: "Field of work, e.g. 사무행정, 돌봄, IT: 1–40 characters." })
  field: string;

  @Field(() => Int, { description: "Length in hours, 1–2000." })
  hours: number;

  @Field(() => DateScalar, { description: "From the program's start to a year from today." })
  startsOn: string;
}

@InputType({ description: "Enrolls a participant (asked of job-centers) in a course of your center." })
export class EnrollInCourseInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => ID)
  courseId: string;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  enrolledOn?: string | null;
}

@InputType({ description: "A participant completed a course of your center (ENROLLED → COMPLETED)." })
export class CompleteEnrollmentInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  enrollmentId: string;

  @Field(() => Int, { description: "The enrollment's `version` as you read it." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  completedOn?: string | null;
}

@InputType({ description: "A participant left a course of your center before its end (ENROLLED → DROPPED)." })
export class DropEnrollmentInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  enrollmentId: string;

  @Field(() => Int, { description: "The enrollment's `version` as you read it." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  droppedOn?: string | null;
}

@InputType({ description: "An internship (새일여성인턴) your center arranged for a participant (asked of job-centers)." })
export class RecordInternshipInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => String, { description: "The company, 1–100 characters." })
  company: string;

  @Field(() => DateScalar)
  startsOn: string;

  @Field(() => DateScalar, { description: "On or after `startsOn`, within a year of it." })
  endsOn: string;
}
