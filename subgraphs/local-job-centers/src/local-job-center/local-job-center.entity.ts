import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A local government job center (지자체 일자리센터), e.g. 광명시 일자리센터. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A local government job center (지자체 일자리센터)." })
@Entity("local_job_center")
export class LocalJobCenter {
  @Field(() => ID)
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Column({ name: "region_code", type: "varchar", length: 2 })
  regionCode: string;

  @Field(() => String)
  @Column({ type: "text" })
  address: string;
}
