import { Field, Int, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** A job under 30 hours a week (Act §29, Rule §20): recorded by recordEmployment, support goes on. */
@ObjectType({ description: "A job under 30 hours a week (단시간 취업): recorded, but support goes on (Act §29, Rule §20)." })
export class ShortHoursJob {
  @Field(() => DateScalar)
  employedOn: string;

  @Field(() => String)
  employerName: string;

  @Field(() => String)
  occupation: string;

  @Field(() => Int)
  weeklyHours: number;

  @Field(() => Boolean, { description: "Found through the center's job placement (알선취업)." })
  viaPlacement: boolean;
}
