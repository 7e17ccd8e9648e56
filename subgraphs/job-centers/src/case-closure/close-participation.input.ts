import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ExitReason } from "./exit-reason.enum";

@InputType({ description: "Closes a case (종료) with the reason of the program's rules." })
export class CloseParticipationInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => ExitReason)
  reason: ExitReason;

  @Field(() => DateScalar, { nullable: true, description: "Day the case closes; today (in Korea) when omitted." })
  closedOn?: string | null;

  @Field(() => String, { nullable: true, description: "What happened, 1–200 characters: required with the reason OTHER." })
  note?: string | null;
}
