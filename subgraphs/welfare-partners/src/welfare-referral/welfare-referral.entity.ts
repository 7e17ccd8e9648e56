import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { ReferralStatus } from "./welfare-referral.enums";
import { RequiresScopes } from "@lib/graphql/access";

/** A referral of a participant to a welfare partner (복지연계). Reasons are not stored: they are health and debt data. */
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
}
