import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

export enum LocalService {
  AI_MOCK_INTERVIEW = "AI_MOCK_INTERVIEW",
  VR_MOCK_INTERVIEW = "VR_MOCK_INTERVIEW",
  JOB_KIOSK = "JOB_KIOSK",
  RESUME_CLINIC = "RESUME_CLINIC",
  JOB_FAIR = "JOB_FAIR",
}
registerEnumType(LocalService, { name: "LocalService", description: "Special services of local job centers (AI/VR 모의면접, 일자리키오스크, …)." });

/** A participant's use of a local center's special service. */
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
