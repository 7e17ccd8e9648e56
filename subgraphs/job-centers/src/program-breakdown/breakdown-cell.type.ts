import { Field, Int, ObjectType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import { EmploymentCenter } from "../employment-center/employment-center.entity";
import { Gender, SupportTrack } from "../participant/participant.enums";
import { Region } from "../region/region.entity";
import { BreakdownFigures } from "./breakdown-figures.type";
import { AgeBand } from "./report-dimension.enums";

/** Which cell this is: only the dimensions the breakdown was asked `by` are set. */
@RequiresScopes(["report:read"])
@ObjectType({ description: "The values of the asked dimensions that make one cell; the others are null." })
export class BreakdownKey {
  @Field(() => Region, { nullable: true })
  region: Region | null;

  @Field(() => EmploymentCenter, { nullable: true })
  employmentCenter: EmploymentCenter | null;

  @Field(() => SupportTrack, { nullable: true })
  track: SupportTrack | null;

  @Field(() => AgeBand, { nullable: true })
  ageBand: AgeBand | null;

  @Field(() => Gender, { nullable: true })
  gender: Gender | null;

  @Field(() => Int, { nullable: true, description: "1–4." })
  quarter: number | null;

  @Field(() => Int, { nullable: true, description: "1–12." })
  month: number | null;
}

@RequiresScopes(["report:read"])
@ObjectType({ implements: BreakdownFigures, description: "One cell of a breakdown: one value of each asked dimension." })
export class BreakdownCell extends BreakdownFigures {
  @Field(() => BreakdownKey)
  key: BreakdownKey;

  @Field(() => Boolean, {
    description: "Whether any figure of this cell is withheld (null) so that no count from 1 to 4 can be read or worked out.",
  })
  suppressed: boolean;
}
