import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum WelfarePartnerKind {
  MENTAL_HEALTH = "MENTAL_HEALTH",
  CREDIT_RECOVERY = "CREDIT_RECOVERY",
  LEGAL_AID = "LEGAL_AID",
  PSYCHOLOGICAL_COUNSELING = "PSYCHOLOGICAL_COUNSELING",
}
registerEnumType(WelfarePartnerKind, {
  name: "WelfarePartnerKind",
  description: "What barrier to work a welfare partner removes.",
  valuesConfig: {
    MENTAL_HEALTH: { description: "정신건강복지센터 (health data: sensitive under PIPA §23)." },
    CREDIT_RECOVERY: { description: "신용회복위원회: debt and credit recovery." },
    LEGAL_AID: { description: "법률구조: legal aid." },
    PSYCHOLOGICAL_COUNSELING: { description: "심리상담: psychological counselling." },
  },
});

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
