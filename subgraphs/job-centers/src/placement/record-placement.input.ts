import { Field, ID, InputType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

@InputType({ description: "A job placement referral (취업알선) to an employer's vacancy, once the IAP is set (Act §12, §15)." })
export class RecordPlacementInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => DateScalar, { nullable: true, description: "Day of the referral, not before the IAP; today (in Korea) when omitted." })
  referredOn?: string | null;

  @Field(() => String, { description: "The employer, 1–100 characters." })
  employerName: string;

  @Field(() => String, { description: "The vacancy's occupation, 1–100 characters." })
  occupation: string;
}
