import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The participant entity of job-centers, known here by id only. */
@Directive(`@key(fields: "id")`)
@ObjectType()
export class Participant {
  @Field(() => ID)
  id: string;
}
