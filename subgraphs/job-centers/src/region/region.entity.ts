import { Column, Entity, PrimaryColumn } from "typeorm";
import { Directive, Field, ObjectType } from "type-graphql";

/** One of the 17 시도 (first-level regions), keyed by its legal-dong (법정동) code. Every agency adds its offices. */
@Directive(`@key(fields: "code")`)
@ObjectType({ description: "A first-level region (시도), keyed by its legal-dong code (11 서울 … 50 제주, 51 강원, 52 전북)." })
@Entity("region")
export class Region {
  @Field(() => String, { description: "Legal-dong (법정동) code prefix, e.g. `11` for 서울특별시." })
  @PrimaryColumn({ type: "varchar", length: 2 })
  code: string;

  @Field(() => String, { description: "Korean name, e.g. 서울특별시." })
  @Column({ type: "text" })
  name: string;

  @Field(() => String, { description: "English name, e.g. Seoul." })
  @Column({ name: "name_en", type: "text" })
  nameEn: string;

  @Field(() => String, { description: "Statistics Korea's code for the same region." })
  @Column({ name: "kostat_code", type: "varchar", length: 2 })
  kostatCode: string;
}
