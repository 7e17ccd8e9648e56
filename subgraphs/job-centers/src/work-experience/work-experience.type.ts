import { Field, ObjectType } from "type-graphql";
import { DateScalar } from "@lib/graphql/scalars";

/** The GraphQL view of a work-experience record: joined to its company, so the table and the type diverge. */
@ObjectType({ description: "Work experience (일경험) at a host company." })
export class WorkExperience {
  participantId: string;

  @Field(() => String)
  companyName: string;

  @Field(() => DateScalar)
  startedOn: string;

  @Field(() => DateScalar, { nullable: true, description: "Null while it continues." })
  endedOn: string | null;
}
