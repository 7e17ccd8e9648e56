import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** A host company of the work-experience program (일경험 참여기업), signed up by an employment center. */
@Entity("work_experience_company")
export class WorkExperienceCompany {
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ name: "employment_center_id", type: "integer" })
  employmentCenterId: number;

  @Column({ type: "text" })
  name: string;

  @Column({ name: "signed_up_on", type: "date" })
  signedUpOn: string;
}

/** A participant's placement at a host company (일경험). */
@Entity("work_experience")
export class WorkExperienceRecord {
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Column({ name: "company_id", type: "integer" })
  companyId: number;

  @Column({ name: "started_on", type: "date" })
  startedOn: string;

  @Column({ name: "ended_on", type: "date", nullable: true })
  endedOn: string | null;
}

/** The GraphQL view joins the record to its company: the table and the type diverge, so they are split. */
@ObjectType({ description: "Work experience (일경험) at a host company." })
export class WorkExperience {
  participantId: string;

  @Field(() => String)
  companyName: string;

  @Field(() => DateScalar)
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Null while it continues." })
  endedOn: string | null;
}
