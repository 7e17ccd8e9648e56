import { Client } from "pg";
import { SUBGRAPH_NAMES } from "@subgraphs/registry";
import { CONTRACT } from "./support/system";
import { startServiceProcesses, type ServiceProcesses } from "./support/service-processes";
import { tokenFor } from "./support/test-auth";
import { testDatabaseUrls } from "./support/test-env";

/**
 * The services' logs as they run in production (from dist/, on stdout): JSON lines, one per request on each side
 * tied together by the gateway's request id, and nothing in them that names a person or carries a token.
 */
let services: ServiceProcesses;

beforeAll(async () => {
  services = await startServiceProcesses(SUBGRAPH_NAMES, { LOG_LEVEL: "info" });
}, 90_000);
afterAll(() => services?.stop());

const linesOf = (output: string) =>
  output
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, any>);

it("logs a Participant360 request on the gateway and on each subgraph it reached, under one request id and without personal data", async () => {
  const db = new Client({ connectionString: testDatabaseUrls()["job-centers"] });
  await db.connect();
  const [participant] = (await db.query("SELECT id, name, employment_center_id AS center FROM participant ORDER BY id LIMIT 1")).rows;
  await db.end();
  const token = await tokenFor("CENTER_MANAGER", participant.center);

  const response = await fetch(services.gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: CONTRACT, operationName: "Participant360", variables: { id: participant.id } }),
  });
  expect((await response.json()).data.participant.name).toBe(participant.name);
  const requestId = response.headers.get("x-request-id")!;
  expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
  await new Promise((resolve) => setTimeout(resolve, 200)); // the lines written as the responses finished

  // every line of every service is one JSON object
  const gateway = linesOf(services.gateway.output());
  const line = gateway.find((l) => l.msg === "request" && l.requestId === requestId);
  expect(line).toEqual({
    level: "info",
    time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    service: "gateway",
    requestId,
    operationName: "Participant360",
    status: 200,
    ms: expect.any(Number),
    msg: "request",
  });

  // each subgraph logged its part of the request under the gateway's id, named by the plan's operation
  const subgraphLines = SUBGRAPH_NAMES.flatMap((name) =>
    linesOf(services.subgraphs[name]!.output()).filter((l) => l.msg === "request" && l.requestId === requestId),
  );
  expect(subgraphLines.map((l) => l.service)).toContain("job-centers");
  for (const l of subgraphLines) {
    expect(l).toEqual({
      ...l,
      status: 200,
      operationName: expect.stringMatching(/^Participant360__[a-z_]+__\d+$/),
      ms: expect.any(Number),
    });
  }

  const everything = [services.gateway, ...Object.values(services.subgraphs)].map((s) => s.output()).join("\n");
  expect(everything).not.toContain(participant.id);
  expect(everything).not.toContain(participant.name);
  expect(everything).not.toContain(token);
  expect(everything).not.toContain(token.split(".")[1]); // nor the token's claims alone
});
