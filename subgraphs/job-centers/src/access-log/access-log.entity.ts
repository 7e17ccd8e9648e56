import { Directive, Field, ID, ObjectType } from "type-graphql";
import type { AccessLogFilterValue } from "@lib/audit/access-log-filter";
import { RequiresScopes } from "@lib/graphql/access";

/**
 * The access log an auditor asked for, identified by its filter (lib/audit/access-log-filter.ts). Owned here, where
 * `Query.accessLog` makes it; each agency adds the page of its own log, read from its own database.
 */
@Directive(`@key(fields: "id")`)
@RequiresScopes(["audit:read"])
@ObjectType({ description: "The access log matching a filter: each agency's entries, read from that agency's own log." })
export class AccessLog {
  @Field(() => ID, { description: "The filter, encoded; the same filter gives the same id." })
  id: string;

  filter: AccessLogFilterValue;
}
