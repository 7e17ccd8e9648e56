import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "A job the participant found (취업): 30+ hours a week ends support (Act §29, Rule §20)." })
export class RecordEmploymentInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "First day of work; today (in Korea) when omitted." })
  employedOn?: string | null;

  @Field(() => String, { description: "The employer, 1–100 characters." })
  employerName: string;

  @Field(() => String, { description: "The occupation, 1–100 characters." })
  occupation: string;

  @Field(() => Int, { description: "Contracted hours a week, 1–68: under 30 the job is recorded and support goes on." })
  weeklyHours: number;

  @Field(() => Boolean, { description: "Found through the center's placement (알선취업): needs a HIRED placement of the participant." })
  viaPlacement: boolean;
}
