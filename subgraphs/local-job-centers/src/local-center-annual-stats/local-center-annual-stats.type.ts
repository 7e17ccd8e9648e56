import { Field, Int, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";

/** One local job center's year: people found (발굴), people linked into the program, and the agreed quota. */
@RequiresScopes(["report:read"])
@ObjectType({ description: "One local job center's year, counted from its records." })
export class LocalCenterAnnualStats {
  @Field(() => Int)
  year: number;

  @Field(() => Int, { description: "People in blind spots found (발굴) that year." })
  discovered: number;

  @Field(() => Int, { description: "Outreach records linked to a program participant that year." })
  linkedToProgram: number;

  @Field(() => Int, { nullable: true, description: "People the center agreed to link that year (연계 협약); null without an agreement." })
  agreementQuota: number | null;
}
