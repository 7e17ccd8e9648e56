import { renderLogLine } from "./log-lines";

it("shows a service's JSON line as time, service, level, message and the other fields", () => {
  const line = JSON.stringify({
    level: "info",
    time: "2026-12-04T14:05:36.123Z",
    service: "gateway",
    requestId: "abc-12345",
    operationName: "Participant360",
    status: 200,
    ms: 8.34,
    msg: "request",
  });
  expect(renderLogLine(line)).toBe("14:05:36 gateway info request requestId=abc-12345 operationName=Participant360 status=200 ms=8.34");
});

it("leaves anything else as it came", () => {
  expect(renderLogLine("Error: boom")).toBe("Error: boom");
  expect(renderLogLine('{"Authorization": "Bearer x"}')).toBe('{"Authorization": "Bearer x"}');
  expect(renderLogLine("{not json")).toBe("{not json");
});
