import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { OutreachChannel } from "./outreach.enums";
import { RequiresScopes } from "@lib/graphql/access";

/** A person in a blind spot found by a local job center (발굴), and when they were linked into the program. */
@RequiresScopes(["participant:read"])
@ObjectType({ description: "Outreach (발굴): a local job center found this person and linked them into the program." })
@Entity("outreach")
export class Outreach {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "local_job_center_id", type: "integer" })
  localJobCenterId: number;

  @Column({ name: "participant_id", type: "uuid", nullable: true })
  participantId: string | null;

  @Field(() => DateScalar)
  @Column({ name: "discovered_on", type: "date" })
  discoveredOn: string;

  @Field(() => OutreachChannel)
  @Column({ type: "text" })
  channel: OutreachChannel;

  @Field(() => DateScalar, { nullable: true, description: "When the person was linked into the program." })
  @Column({ name: "linked_on", type: "date", nullable: true })
  linkedOn: string | null;

  @Field(() => Int, { description: "1 when found, 2 once linked; send it back as `expectedVersion`." })
  @Column({ type: "integer" })
  version: number;
}
