import { trace } from "@opentelemetry/api";
import pino, { type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { currentRequestId } from "./request-scope";

export type { Logger };

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What each line carries besides its message: the id of the request it is about (request-scope.ts), and when
 * tracing is on, the trace and span it happened in, so that a line leads to its trace and back. With tracing off
 * the OpenTelemetry API has no span to give: a cheap lookup.
 */
function context(): Record<string, string> {
  const fields: Record<string, string> = {};
  const requestId = currentRequestId();
  if (requestId) fields.requestId = requestId;
  const span = trace.getActiveSpan()?.spanContext();
  if (span) {
    fields.trace_id = span.traceId;
    fields.span_id = span.spanId;
  }
  return fields;
}

/**
 * A service's logger: one JSON object per line on stdout (or `destination`), with `time` (ISO 8601), `level` as a
 * word, `service`, and the request's id. Lines never hold personal data: callers log ids of requests, operation
 * names, codes, durations, never variables, tokens or rows. As a second guard, keys that would hold them are
 * censored wherever a logged object has them.
 */
export function createLogger(service: string, options: { level?: LogLevel; destination?: DestinationStream } = {}): Logger {
  const settings: LoggerOptions = {
    level: options.level ?? "info",
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin: context,
    redact: {
      paths: ["authorization", "token", "variables", "*.authorization", "*.token", "*.variables", "headers.authorization"],
      censor: "[redacted]",
    },
  };
  // stdout written asynchronously, as process.stdout.write does for a pipe: a slow reader of the log must not hold
  // up requests; pino flushes what is buffered when the process exits
  return pino(settings, options.destination ?? pino.destination({ dest: 1, sync: false }));
}
