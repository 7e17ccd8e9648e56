import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { accessLogId, checkedAccessLogFilter } from "@lib/audit/access-log-filter";
import { AccessLogEntryConnection, AccessLogPageArgs } from "@lib/audit/access-log-types";
import { RequiresScopes } from "@lib/graphql/access";
import type { JobCentersContext } from "../context";
import { accessLogEntries } from "./access-log.connection";
import { AccessLog } from "./access-log.entity";
import { AccessLogFilter } from "./access-log.filter";

@Resolver(() => AccessLog)
export class AccessLogResolver {
  @RequiresScopes(["audit:read"])
  @Query(() => AccessLog, { description: "The access log of participants' personal data, across the four agencies (auditors only)." })
  accessLog(@Arg("filter", () => AccessLogFilter) input: AccessLogFilter): AccessLog {
    const filter = checkedAccessLogFilter(input);
    return { id: accessLogId(filter), filter };
  }

  @RequiresScopes(["audit:read"])
  @FieldResolver(() => AccessLogEntryConnection, { nullable: true, description: "The employment centers' (고용센터) entries." })
  employmentCenters(
    @Root() log: AccessLog,
    @Args(() => AccessLogPageArgs) args: AccessLogPageArgs,
    @Ctx() ctx: JobCentersContext,
  ): Promise<AccessLogEntryConnection> {
    return accessLogEntries(log, args, ctx);
  }
}
