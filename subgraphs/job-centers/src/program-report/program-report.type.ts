import { Field, Int, ObjectType } from "type-graphql";
import { RegionReport } from "../region-report/region-report.entity";
import { RequiresScopes } from "@lib/graphql/access";

@RequiresScopes(["report:read"])
@ObjectType({ description: "The national report for a program year: one row per region." })
export class ProgramReport {
  @Field(() => Int)
  year: number;

  @Field(() => [RegionReport], { description: "All 17 regions, in Statistics Korea's order." })
  regions: RegionReport[];
}
