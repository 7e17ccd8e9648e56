import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ReferralDeclineReason, ReferralOutcome, ReferralReasonCategory } from "./welfare-referral.enums";

@InputType({ description: "A referral of a participant to a welfare partner (복지연계), by a counsellor of their employment center." })
export class CreateReferralInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => ID, { description: "The welfare partner the person is referred to." })
  partnerId: string;

  @Field(() => ReferralReasonCategory, {
    description: "Why (a category, never free text): sensitive data (PIPA §23), read only by the partner and your center.",
  })
  reasonCategory: ReferralReasonCategory;

  @Field(() => DateScalar, { nullable: true, description: "Date of the referral; today (in Korea) when omitted." })
  referredOn?: string | null;
}

@InputType({ description: "The partner takes a referral on (REFERRED → IN_PROGRESS)." })
export class AcceptReferralInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  referralId: string;

  @Field(() => Int, { description: "The referral's `version` as you read it; a referral changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  acceptedOn?: string | null;
}

@InputType({ description: "The partner declines a referral (REFERRED → DECLINED), with the reason." })
export class DeclineReferralInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  referralId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => ReferralDeclineReason)
  reason: ReferralDeclineReason;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  declinedOn?: string | null;
}

@InputType({ description: "The partner closes a referral it took on (IN_PROGRESS → RESOLVED), with what came of it." })
export class ResolveReferralInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  referralId: string;

  @Field(() => Int)
  expectedVersion: number;

  @Field(() => ReferralOutcome)
  outcome: ReferralOutcome;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  resolvedOn?: string | null;
}
