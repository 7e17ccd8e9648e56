import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { LocalService } from "./local-service-use.enums";
import { RequiresScopes } from "@lib/graphql/access";

/** A participant's use of a local center's special service. */
@RequiresScopes(["participant:read"])
@ObjectType({ description: "A participant's use of a local job center's special service." })
@Entity("local_service_use")
export class LocalServiceUse {
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "local_job_center_id", type: "integer" })
  localJobCenterId: number;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => LocalService)
  @Column({ type: "text" })
  service: LocalService;

  @Field(() => DateScalar)
  @Column({ name: "used_on", type: "date" })
  usedOn: string;
}
