import { Field, ID, InputType, Int } from "type-graphql";
import { AgencyKind } from "./participant-consent.enums";

/**
 * One consent the participant decides on, as PIPA §22 asks: item by item, each recipient and purpose apart. The
 * separate consent to sensitive welfare data (§23) is the one whose `recordsKind` is WELFARE_PARTNER.
 */
@InputType({
  description:
    "A participant's consent to give (정보제공 동의, PIPA §17, §18, §22; the separate §23 consent when `recordsKind` is WELFARE_PARTNER).",
})
export class GiveConsentInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => Int, { description: "The participant's `version` as you read it; a case changed since is a CONFLICT." })
  expectedVersion: number;

  @Field(() => AgencyKind, { description: "The kind of agency whose staff may see the records." })
  viewerKind: AgencyKind;

  @Field(() => AgencyKind, { description: "The kind of agency whose records they may see; another kind than `viewerKind`." })
  recordsKind: AgencyKind;
}

@InputType({ description: "A participant's consent to withdraw (동의 철회, PIPA §37): it stops counting from the next request." })
export class WithdrawConsentInput extends GiveConsentInput {}
