import { Column, Entity, PrimaryColumn } from "typeorm";
import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";
import { RequiresScopes } from "@lib/graphql/access";

/** An internship (새일여성인턴) a Saeil center arranged for a participant at a company. */
@RequiresScopes(["participant:read"])
@ObjectType({ description: "An internship (새일여성인턴) a Saeil center arranged for a participant." })
@Entity("saeil_internship")
export class SaeilInternship {
  @Field(() => ID)
  @PrimaryColumn({ type: "bigint" })
  id: string;

  @Column({ name: "saeil_center_id", type: "integer" })
  saeilCenterId: number;

  @Column({ name: "participant_id", type: "uuid" })
  participantId: string;

  @Field(() => String)
  @Column({ type: "text" })
  company: string;

  @Field(() => DateScalar)
  @Column({ name: "starts_on", type: "date" })
  startsOn: string;

  @Field(() => DateScalar)
  @Column({ name: "ends_on", type: "date" })
  endsOn: string;
}
