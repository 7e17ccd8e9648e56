import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { CounselingMode } from "./counseling-session.enums";

/** One counselling session (상담) between the participant and a counsellor. */
@ObjectType({ description: "A counselling session (상담)." })
@Entity("counseling_session")
export class CounselingSession {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Column({ name: "counselor_id", type: "integer", nullable: true })
  counselorId: number | null;

  @Field(() => DateScalar)
  @Column({ name: "held_on", type: "date" })
  heldOn: string;

  @Field(() => CounselingMode)
  @Column({ type: "text" })
  mode: CounselingMode;

  @Field(() => String, { description: "What the session was about, e.g. 취업활동계획 수립." })
  @Column({ type: "text" })
  topic: string;
}
