import { Column, Entity, PrimaryColumn } from "typeorm";

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
