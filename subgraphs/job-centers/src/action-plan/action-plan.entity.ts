import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** The individual action plan (IAP, 취업활동계획), set within a month of the eligibility decision (Act §12). */
@ObjectType({ description: "Individual action plan (IAP, 취업활동계획)." })
@Entity("action_plan")
export class ActionPlan {
  @PrimaryColumn({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => DateScalar)
  @Column({ name: "established_on", type: "date" })
  establishedOn: string;

  @Field(() => String, { description: "Occupation the participant aims for (희망직종)." })
  @Column({ name: "desired_occupation", type: "text" })
  desiredOccupation: string;
}
