import { Directive, Field, ObjectType } from "type-graphql";

/** The region entity of job-centers; this subgraph adds the welfare partners located there. */
@Directive(`@key(fields: "code")`)
@ObjectType()
export class Region {
  @Field(() => String)
  code: string;
}
