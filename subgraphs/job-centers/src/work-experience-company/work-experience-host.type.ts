import { Field, ID, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** A host company as its sign-up returns it (the table's columns but the center, which is the caller's own). */
@ObjectType({ description: "A host company of the work-experience program (일경험 참여기업)." })
export class WorkExperienceHost {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => DateScalar)
  signedUpOn: string;
}
