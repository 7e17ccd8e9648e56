import "reflect-metadata";
import { ArgsType, Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { RequiresScopes } from "@lib/graphql/access";
import { DateTimeScalar } from "@lib/graphql/scalars";

/**
 * The access log's GraphQL types, one definition for the four subgraphs: each returns its own entries in these
 * types, so they are `@shareable`, and only an auditor (`audit:read`) reads them.
 */
export enum AccessLogAction {
  READ = "READ",
  WRITE = "WRITE",
}

registerEnumType(AccessLogAction, { name: "AccessLogAction", description: "What an access did to personal data." });

@Directive("@shareable")
@RequiresScopes(["audit:read"])
@ObjectType({ description: "One access to participants' personal data, as the agency that served it logged it." })
export class AccessLogEntry {
  @Field(() => ID, { description: "The entry's number in its agency's log (its chain's order)." })
  id: string;

  @Field(() => DateTimeScalar)
  at: Date;

  @Field(() => String, { description: "The user's token subject." })
  userSub: string;

  @Field(() => String)
  userRole: string;

  @Field(() => String, { nullable: true, description: "The kind of office the user works for; null for ministry roles." })
  officeKind: string | null;

  @Field(() => ID, { nullable: true })
  officeId: string | null;

  @Field(() => AccessLogAction)
  action: AccessLogAction;

  @Field(() => String, { nullable: true, description: "The client's operation name; null for an anonymous operation." })
  operationName: string | null;

  @Field(() => String, { description: "sha256 (hex) of the client's operation text, as automatic persisted queries hash it." })
  operationHash: string;

  @Field(() => [ID], { description: "Every participant the request read at this agency." })
  participantIds: string[];

  @Field(() => String)
  clientAddress: string;

  @Field(() => String, { description: "The gateway's request id (its `x-request-id` response header and log line)." })
  requestId: string;

  @Field(() => String, { description: "sha256 (hex) chaining this entry to the one before it (`npm run audit:verify`)." })
  hash: string;
}

@Directive("@shareable")
@RequiresScopes(["audit:read"])
@ObjectType()
export class AccessLogEntryEdge {
  @Field(() => String)
  cursor: string;

  @Field(() => AccessLogEntry)
  node: AccessLogEntry;
}

@Directive("@shareable")
@RequiresScopes(["audit:read"])
@ObjectType({ description: "Relay-style page information of an access log page." })
export class AccessLogPageInfo {
  @Field(() => Boolean)
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: "Cursor of the last edge; pass it as `after` for the next page." })
  endCursor: string | null;
}

@Directive("@shareable")
@RequiresScopes(["audit:read"])
@ObjectType({ description: "A page of one agency's access log, newest first." })
export class AccessLogEntryConnection {
  @Field(() => AccessLogPageInfo)
  pageInfo: AccessLogPageInfo;

  @Field(() => [AccessLogEntryEdge])
  edges: AccessLogEntryEdge[];
}

@ArgsType()
export class AccessLogPageArgs {
  @Field(() => Int, { nullable: true, description: "Page size, 1–100 (default 20)." })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "`endCursor` of the previous page." })
  after?: string | null;
}
