import { Writable } from "node:stream";

/** The fields every service's JSON line has (lib/log/logger.ts); the rest are shown as key=value. */
const SHOWN_APART = new Set(["time", "level", "service", "msg"]);

/**
 * How `npm start` shows the services' JSON log lines in a terminal: `12:00:01 gateway info request requestId=…`,
 * one line each, the same fields, easier on the eye. Not in a terminal (a container, a CI log, a file), the lines
 * stay JSON for whatever collects them. A line that is not a service's JSON object is shown as it came.
 */
export function renderLogLine(line: string): string {
  if (!line.startsWith("{")) return line;
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  if (typeof entry.msg !== "string" || typeof entry.level !== "string") return line;
  const time = typeof entry.time === "string" ? entry.time.slice(11, 19) : "";
  const fields = Object.entries(entry)
    .filter(([key]) => !SHOWN_APART.has(key))
    .map(([key, value]) => `${key}=${typeof value === "string" ? value : JSON.stringify(value)}`);
  const service = typeof entry.service === "string" ? entry.service : "";
  return [time, service, entry.level, entry.msg, ...fields].filter(Boolean).join(" ");
}

/** Log lines as the launcher prints them: rendered in a terminal, JSON as they are otherwise. */
export function forTerminal(out: NodeJS.WriteStream): (line: string) => string {
  return out.isTTY ? renderLogLine : (line) => line;
}

/** A destination for the launcher's own logger that prints like its services' lines. */
export function launcherLogDestination(out: NodeJS.WriteStream = process.stdout): Writable {
  const shown = forTerminal(out);
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) out.write(`${shown(line)}\n`);
      done();
    },
  });
}
