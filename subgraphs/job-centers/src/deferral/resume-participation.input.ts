import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "Ends a deferral (유예): the case goes back to the stage it was deferred from." })
export class ResumeParticipationInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day of the return, within 2 years of the deferral's start; today (in Korea) when omitted.",
  })
  resumedOn?: string | null;
}
