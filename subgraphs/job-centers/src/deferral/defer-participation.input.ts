import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "Puts participation on hold (유예) for at most 2 years." })
export class DeferParticipationInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "First day of the deferral; today (in Korea) when omitted." })
  deferredOn?: string | null;

  @Field(() => DateScalar, { description: "Day the participant is to resume: after `deferredOn`, at most 2 years later." })
  resumesOn: string;
}
