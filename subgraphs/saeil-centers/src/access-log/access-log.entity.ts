import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { AccessLogFilterValue } from "@lib/audit/access-log-filter";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * The access log entity of job-centers, known here by its id (the encoded filter). Each subgraph declares its own
 * stub class: type-graphql keeps the field resolvers a subgraph adds on the class itself, so a shared class would leak them.
 */
@Directive(`@key(fields: "id")`)
@RequiresScopes(["audit:read"])
@ObjectType()
export class AccessLog {
  @Field(() => ID)
  id: string;

  filter: AccessLogFilterValue;
}
