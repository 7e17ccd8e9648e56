import { Writable } from "node:stream";
import { EnvReader } from "@lib/env/env";
import { readLogLevel } from "./log-level";
import { createLogger } from "./logger";
import { inRequestScope } from "./request-scope";

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString("utf8")) as Record<string, unknown>);
      done();
    },
  });
  return { lines, destination };
}

it("writes one JSON object per line with time, level, service, and the id of the request it is about", () => {
  const { lines, destination } = capture();
  const logger = createLogger("job-centers", { destination });
  logger.info("outside");
  inRequestScope("req-12345678", () => logger.warn({ code: "X" }, "inside"));
  expect(lines.map(({ time, ...rest }) => [typeof time, rest])).toEqual([
    ["string", { level: "info", service: "job-centers", msg: "outside" }],
    ["string", { level: "warn", service: "job-centers", requestId: "req-12345678", code: "X", msg: "inside" }],
  ]);
  expect(new Date(lines[0].time as string).toISOString()).toBe(lines[0].time);
});

it("censors a token or variables handed to it by mistake, and writes nothing below its level", () => {
  const { lines, destination } = capture();
  const logger = createLogger("gateway", { level: "warn", destination });
  logger.info("hidden");
  logger.warn({ authorization: "Bearer abc", request: { variables: { id: "p-1" }, token: "t" } }, "careless");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ authorization: "[redacted]", request: { variables: "[redacted]", token: "[redacted]" } });
});

it("reads LOG_LEVEL, default info, and refuses a level pino does not know", () => {
  const level = (value?: string) => {
    const read = new EnvReader({ LOG_LEVEL: value });
    return read.done(readLogLevel(read));
  };
  expect(level()).toBe("info");
  expect(level("debug")).toBe("debug");
  expect(() => level("verbose")).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent/);
});
