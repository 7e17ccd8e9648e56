import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The participant entity of job-centers, known here by id only. Each subgraph declares its own stub class:
 * type-graphql keeps the field resolvers a subgraph adds on the class itself, so a shared class would leak them.
 */
@Directive(`@key(fields: "id")`)
@ObjectType()
export class Participant {
  @Field(() => ID)
  id: string;
}
