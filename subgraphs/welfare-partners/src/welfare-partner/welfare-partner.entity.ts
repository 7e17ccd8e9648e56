import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { WelfarePartnerKind } from "./welfare-partner.enums";

/** A welfare partner (복지기관) that takes referrals from the program. */
@Directive(`@key(fields: "id")`)
@ObjectType({ description: "A welfare partner (복지기관): mental health, credit recovery, legal aid, counselling." })
@Entity("welfare_partner")
export class WelfarePartner {
  @Field(() => ID)
  @PrimaryColumn({ type: "integer" })
  id: number;

  @Field(() => String)
  @Column({ type: "text" })
  name: string;

  @Field(() => WelfarePartnerKind)
  @Column({ type: "text" })
  kind: WelfarePartnerKind;

  @Column({ name: "region_code", type: "varchar", length: 2 })
  regionCode: string;

  @Field(() => String)
  @Column({ type: "text" })
  address: string;
}
