import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { AccessLogEntryConnection, AccessLogPageArgs } from "@lib/audit/access-log-types";
import { RequiresScopes } from "@lib/graphql/access";
import type { LocalJobCentersContext } from "../context";
import { accessLogEntries } from "./access-log.connection";
import { AccessLog } from "./access-log.entity";

@Resolver(() => AccessLog)
export class AccessLogResolver {
  @RequiresScopes(["audit:read"])
  @FieldResolver(() => AccessLogEntryConnection, {
    nullable: true,
    description: "The local government job centers' (지자체 일자리센터) entries.",
  })
  localJobCenters(
    @Root() log: AccessLog,
    @Args(() => AccessLogPageArgs) args: AccessLogPageArgs,
    @Ctx() ctx: LocalJobCentersContext,
  ): Promise<AccessLogEntryConnection> {
    return accessLogEntries(log, args, ctx);
  }
}
