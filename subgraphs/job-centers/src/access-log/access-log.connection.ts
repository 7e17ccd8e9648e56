import { loadAccessLogPage } from "@lib/audit/access-log-page";
import type { AccessLogEntryConnection, AccessLogPageArgs } from "@lib/audit/access-log-types";
import type { JobCentersContext } from "../context";
import type { AccessLog } from "./access-log.entity";

/** A page of the employment centers' (고용센터) own access log, newest first, matching the filter `log` stands for. */
export function accessLogEntries(log: AccessLog, args: AccessLogPageArgs, ctx: JobCentersContext): Promise<AccessLogEntryConnection> {
  return loadAccessLogPage(ctx.db, log.filter, args);
}
