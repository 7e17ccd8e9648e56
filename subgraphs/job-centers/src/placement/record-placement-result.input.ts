import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { PlacementResult } from "./placement.enums";

@InputType({ description: "The result of a PENDING placement referral, recorded once." })
export class RecordPlacementResultInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  placementId: string;

  @Field(() => PlacementResult, { description: "HIRED, NOT_HIRED or WITHDRAWN." })
  result: PlacementResult;

  @Field(() => DateScalar, {
    nullable: true,
    description: "Day the result was known, not before the referral; today (in Korea) when omitted.",
  })
  resultOn?: string | null;
}
