import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateTimeScalar } from "@lib/graphql/scalars";
import { AgencyKind } from "./participant-consent.enums";

/**
 * A participant's consent that one kind of agency may see another kind's records about them (PIPA §17, §18; the
 * separate §23 consent for welfare referral details). Recorded at the employment center, which owns this table;
 * the other agencies keep a copy to apply it to their own records.
 */
@ObjectType({
  description: "A consent to share records between agencies (정보제공 동의): who may see whose records, since when, until when.",
})
@Entity("participant_consent")
export class ParticipantConsent {
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => AgencyKind, { description: "The kind of agency whose staff may see the records." })
  @Column({ name: "viewer_kind", type: "text" })
  viewerKind: AgencyKind;

  @Field(() => AgencyKind, { description: "The kind of agency whose records they may see." })
  @Column({ name: "records_kind", type: "text" })
  recordsKind: AgencyKind;

  @Field(() => DateTimeScalar)
  @Column({ name: "given_at", type: "timestamptz" })
  givenAt: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: "When the participant withdrew it; null while in force." })
  @Column({ name: "withdrawn_at", type: "timestamptz", nullable: true })
  withdrawnAt: Date | null;
}
