import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";

/** A job counsellor (직업상담사), of the center itself or of a private contracted agency (민간위탁기관). */
@RequiresScopes(["staff:read"])
@ObjectType({ description: "A job counsellor (직업상담사) who runs participants' cases." })
@Entity("counselor")
export class Counselor {
  @Field(() => ID)
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Column({ name: "employment_center_id", type: "integer" })
  employmentCenterId: number;

  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { nullable: true, description: "Private contracted agency (민간위탁기관), e.g. 잡모아인천; null for center staff." })
  @Column({ name: "contracted_agency", type: "text", nullable: true })
  contractedAgency: string | null;

  @Field(() => Boolean, { description: "Supervisor (슈퍼바이저) coaching junior counsellors of contracted agencies." })
  @Column({ name: "is_supervisor", type: "boolean" })
  isSupervisor: boolean;

  @Column({ name: "years_of_experience", type: "smallint" })
  yearsOfExperience: number;
}
