import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "Starts follow-up (사후관리, Rule §11) once the service year ended without a job." })
export class StartFollowUpInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "First day of follow-up, not before the service year's end (1 year from the decision); today (in Korea) when omitted.",
  })
  startedOn?: string | null;
}
