import { Field, ID, InputType, Int } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { LocalService } from "../local-service-use/local-service-use.enums";
import { OutreachChannel } from "../outreach/outreach.enums";

@InputType({ description: "A person your center found (발굴) before they applied: no participant yet." })
export class RecordOutreachInput {
  @Field(() => String, { description: "A key of the client's own for this request (retries write nothing twice)." })
  idempotencyKey: string;

  @Field(() => OutreachChannel)
  channel: OutreachChannel;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  discoveredOn?: string | null;
}

@InputType({ description: "Links your center's outreach to the participant the person became once they applied." })
export class LinkOutreachInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  outreachId: string;

  @Field(() => Int, { description: "The outreach's `version` as you read it." })
  expectedVersion: number;

  @Field(() => ID, { description: "The participant's id at the employment center (asked of job-centers)." })
  participantId: string;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  linkedOn?: string | null;
}

@InputType({ description: "Your center's linkage agreement (연계 협약) for a year: the quota of people it agreed to link." })
export class SetAgreementQuotaInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => Int)
  year: number;

  @Field(() => Int)
  quota: number;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  signedOn?: string | null;

  @Field(() => Int, { nullable: true, description: "The agreement's `version` when revising one; omitted for a new year." })
  expectedVersion?: number | null;
}

@InputType({ description: "A participant used one of your center's special services." })
export class RecordLocalServiceUseInput {
  @Field(() => String)
  idempotencyKey: string;

  @Field(() => ID)
  participantId: string;

  @Field(() => LocalService)
  service: LocalService;

  @Field(() => DateScalar, { nullable: true, description: "Today (in Korea) when omitted." })
  usedOn?: string | null;
}
