import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { SupportTrack } from "./participant.enums";

@InputType({ description: "The eligibility decision (수급자격 결정, Act §10) on an application." })
export class DecideEligibilityInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => Boolean)
  eligible: boolean;

  @Field(() => SupportTrack, { nullable: true, description: "The track decided; the requested one when omitted." })
  track?: SupportTrack | null;

  @Field(() => String, { nullable: true, description: "Why the application is rejected: required when `eligible` is false." })
  rejectionReason?: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Date of the decision; today (in Korea) when omitted." })
  decidedOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "Why the decision comes after its deadline (1 month from the application, once extended by 7 days): required then.",
  })
  lateReason?: string | null;
}
