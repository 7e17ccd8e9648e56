import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ReferralDeclineReason, ReferralOutcome, ReferralReasonCategory, ReferralStatus } from "./welfare-referral.enums";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * A referral of a participant to a welfare partner (복지연계). Its reason is a category only (health and debt data,
 * PIPA §23), read through `reasonCategory`'s guard (welfare-referral.resolver.ts), never as a plain column field.
 */
@RequiresScopes(["participant:read"])
@ObjectType({ description: "A referral of a participant to a welfare partner (복지연계)." })
@Entity("welfare_referral")
export class WelfareReferral {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "partner_id", type: "integer" })
  partnerId: number;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => ReferralStatus)
  @Column({ type: "text" })
  status: ReferralStatus;

  @Field(() => DateScalar)
  @Column({ name: "referred_on", type: "date" })
  referredOn: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "resolved_on", type: "date", nullable: true })
  resolvedOn: string | null;

  @Field(() => Int, { description: "Increases with every change of status; send it back as `expectedVersion`." })
  @Column({ type: "integer" })
  version: number;

  /** Sensitive (PIPA §23): exposed only through `WelfareReferral.reasonCategory`'s guard. */
  @Column({ name: "reason_category", type: "text", nullable: true })
  reasonCategory: ReferralReasonCategory | null;

  /** The employment center whose counsellor made the referral; null for referrals from before the write path. */
  @Column({ name: "referring_center_id", type: "integer", nullable: true })
  referringCenterId: number | null;

  @Field(() => DateScalar, { nullable: true, description: "When the partner took the referral on." })
  @Column({ name: "accepted_on", type: "date", nullable: true })
  acceptedOn: string | null;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: "declined_on", type: "date", nullable: true })
  declinedOn: string | null;

  @Field(() => ReferralDeclineReason, { nullable: true })
  @Column({ name: "decline_reason", type: "text", nullable: true })
  declineReason: ReferralDeclineReason | null;

  @Field(() => ReferralOutcome, { nullable: true, description: "What came of a resolved referral; null before, and for older records." })
  @Column({ type: "text", nullable: true })
  outcome: ReferralOutcome | null;
}
