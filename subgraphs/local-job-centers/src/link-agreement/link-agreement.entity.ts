import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { RequiresScopes } from "@lib/graphql/access";

/** A linkage agreement (연계 협약): how many people a local center agreed to link into the program in a year. */
@RequiresScopes(["report:read"])
@ObjectType({ description: "A linkage agreement (연계 협약): how many people a local center agreed to link into the program in a year." })
@Entity("link_agreement")
export class LinkAgreement {
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ name: "local_job_center_id", type: "integer" })
  localJobCenterId: number;

  @Field(() => Int)
  @Column({ type: "smallint" })
  year: number;

  @Field(() => Int)
  @Column({ type: "integer" })
  quota: number;

  @Field(() => DateScalar)
  @Column({ name: "signed_on", type: "date" })
  signedOn: string;

  @Field(() => Int, { description: "Increases with every revision; send it back as `expectedVersion`." })
  @Column({ type: "integer" })
  version: number;
}
