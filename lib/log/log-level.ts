import type { EnvReader } from "@lib/env/env";
import { LOG_LEVELS, type LogLevel } from "./logger";

/** `LOG_LEVEL`: the least severe level a service writes, default `info` (one line per request). */
export function readLogLevel(read: EnvReader): LogLevel {
  const value = read.optional("LOG_LEVEL");
  if (value === undefined) return "info";
  if ((LOG_LEVELS as readonly string[]).includes(value)) return value as LogLevel;
  read.problem(`LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")} (got ${JSON.stringify(value)})`);
  return "info";
}
