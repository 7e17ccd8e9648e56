import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A women's reemployment center (여성새로일하기센터, 새일센터). */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A women's reemployment center (여성새로일하기센터, 새일센터)." })
@Entity("saeil_center")
export class SaeilCenter {
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
