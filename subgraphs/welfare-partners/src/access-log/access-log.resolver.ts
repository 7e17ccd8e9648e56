import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { AccessLogEntryConnection, AccessLogPageArgs } from "@lib/audit/access-log-types";
import { RequiresScopes } from "@lib/graphql/access";
import type { WelfarePartnersContext } from "../context";
import { accessLogEntries } from "./access-log.connection";
import { AccessLog } from "./access-log.entity";

@Resolver(() => AccessLog)
export class AccessLogResolver {
  @RequiresScopes(["audit:read"])
  @FieldResolver(() => AccessLogEntryConnection, { nullable: true, description: "The welfare partners' (복지기관) entries." })
  welfarePartners(
    @Root() log: AccessLog,
    @Args(() => AccessLogPageArgs) args: AccessLogPageArgs,
    @Ctx() ctx: WelfarePartnersContext,
  ): Promise<AccessLogEntryConnection> {
    return accessLogEntries(log, args, ctx);
  }
}
