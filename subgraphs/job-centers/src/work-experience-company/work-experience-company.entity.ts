import { Column, Entity, PrimaryColumn } from "typeorm";

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
