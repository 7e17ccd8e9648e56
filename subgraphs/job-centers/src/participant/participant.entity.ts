import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { Gender, ParticipantStage, SupportTrack } from "./participant.enums";
import { RequiresScopes } from "@lib/graphql/access";
import type { ExitReason } from "../case-closure/exit-reason.enum";

/** A job seeker in the program. Owned here; the other agencies add what they know of the same person. */
@Directive(`@key(fields: "id")`)
@RequiresScopes(["participant:read"])
@ObjectType({ description: "A job seeker in the program (참여자), as the employment centers record them." })
@Entity("participant")
export class Participant {
  @Field(() => ID)
  @PrimaryColumn({ type: "uuid" })
  id: string;

  // a field of its own resolver (participant.resolver.ts): masked for counsellors outside the person's case
  @Column({ type: "text" })
  name: string;

  @Field(() => Int)
  @Column({ name: "birth_year", type: "smallint" })
  birthYear: number;

  @Field(() => Gender)
  @Column({ type: "text" })
  gender: Gender;

  @Field(() => SupportTrack)
  @Column({ type: "text" })
  track: SupportTrack;

  @Field(() => ParticipantStage)
  @Column({ type: "text" })
  stage: ParticipantStage;

  @Field(() => DateScalar, { description: "Date of application (신청일)." })
  @Column({ name: "applied_on", type: "date" })
  appliedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Date eligibility was decided (수급자격 결정일)." })
  @Column({ name: "eligibility_decided_on", type: "date", nullable: true })
  eligibilityDecidedOn: string | null;

  @Column({ name: "region_code", type: "varchar", length: 2 })
  regionCode: string;

  @Column({ name: "employment_center_id", type: "integer" })
  employmentCenterId: number;

  @Column({ name: "counselor_id", type: "integer", nullable: true })
  counselorId: number | null;

  // the case's later facts, each read through its own guarded field (deferral, closure, follow-up, decision reasons)
  @Column({ name: "deferred_on", type: "date", nullable: true })
  deferredOn: string | null;

  @Column({ name: "resumes_on", type: "date", nullable: true })
  resumesOn: string | null;

  @Column({ name: "previous_stage", type: "text", nullable: true })
  previousStage: ParticipantStage | null;

  @Column({ name: "follow_up_on", type: "date", nullable: true })
  followUpOn: string | null;

  @Column({ name: "closed_on", type: "date", nullable: true })
  closedOn: string | null;

  @Column({ name: "exit_reason", type: "text", nullable: true })
  exitReason: ExitReason | null;

  @Column({ name: "exit_note", type: "text", nullable: true })
  exitNote: string | null;

  @Column({ name: "rejection_reason", type: "text", nullable: true })
  rejectionReason: string | null;

  @Column({ name: "late_decision_reason", type: "text", nullable: true })
  lateDecisionReason: string | null;

  @Field(() => Int, { description: "Changes with every write to the case: send it back as `expectedVersion` (a stale one is a CONFLICT)." })
  @Column({ type: "integer", default: 1 })
  version: number;
}
