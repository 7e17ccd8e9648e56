import { Column, Entity, PrimaryColumn } from "typeorm";

/** A linkage agreement (연계 협약): how many people a local center agreed to link into the program in a year. */
@Entity("link_agreement")
export class LinkAgreement {
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ name: "local_job_center_id", type: "integer" })
  localJobCenterId: number;

  @Column({ type: "smallint" })
  year: number;

  @Column({ type: "integer" })
  quota: number;

  @Column({ name: "signed_on", type: "date" })
  signedOn: string;
}
