import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An employment center (고용센터) or one of its sub-offices (출장소); they run the program. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "An employment center (고용센터) or sub-office; it operates the program for its area." })
@Entity("employment_center")
export class EmploymentCenter {
  @Field(() => ID)
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Field(() => String, { description: "Official name, e.g. 인천고용센터." })
  @Column({ type: "text" })
  name: string;

  @Column({ name: "region_code", type: "varchar", length: 2 })
  regionCode: string;

  @Field(() => String)
  @Column({ type: "text" })
  address: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  phone: string | null;

  @Column({ name: "parent_id", type: "integer", nullable: true })
  parentId: number | null;

  @Field(() => [String], { description: "Districts (시군구) this office serves." })
  @Column({ type: "text", array: true })
  jurisdiction: string[];
}
