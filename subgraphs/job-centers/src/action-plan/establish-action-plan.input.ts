import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "The individual action plan (IAP, 취업활동계획) agreed with the participant." })
export class EstablishActionPlanInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "Day the plan is set; today (in Korea) when omitted." })
  establishedOn?: string | null;

  @Field(() => String, { description: "Occupation the participant aims for (희망직종), 1–100 characters." })
  desiredOccupation: string;
}
