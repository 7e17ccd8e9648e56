import { loadAccessLogPage } from "@lib/audit/access-log-page";
import type { AccessLogEntryConnection, AccessLogPageArgs } from "@lib/audit/access-log-types";
import type { LocalJobCentersContext } from "../context";
import type { AccessLog } from "./access-log.entity";

/** A page of the local job centers' (지자체 일자리센터) own access log, newest first, matching the filter `log` stands for. */
export function accessLogEntries(log: AccessLog, args: AccessLogPageArgs, ctx: LocalJobCentersContext): Promise<AccessLogEntryConnection> {
  return loadAccessLogPage(ctx.db, log.filter, args);
}
