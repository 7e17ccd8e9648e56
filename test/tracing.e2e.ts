import { spawnSync } from "node:child_process";
import path from "node:path";
import { Client } from "pg";
import { PROJECT_ROOT } from "@lib/config/paths";
import { CONTRACT } from "./support/system";
import { startOtlpReceiver, type ReceivedSpan } from "./support/otlp-receiver";
import { startServiceProcesses, type ServiceProcesses } from "./support/service-processes";
import { tokenFor } from "./support/test-auth";
import { testDatabaseUrls } from "./support/test-env";

/**
 * OpenTelemetry across processes: the gateway and job-centers run from dist/ as in production, exporting OTLP/HTTP
 * JSON to a collector in this test. One request's spans form one trace, from the gateway's HTTP server span through
 * its call to the subgraph (W3C traceparent) to the subgraph's server span and each of its SQL statements.
 */
const SERVER = 2;
const CLIENT = 3;

let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;
let services: ServiceProcesses;

beforeAll(async () => {
  receiver = await startOtlpReceiver();
  services = await startServiceProcesses(
    ["job-centers"],
    { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_EXPORTER_OTLP_PROTOCOL: "http/json", OTEL_BSP_SCHEDULE_DELAY: "50" },
    (service) => ({ OTEL_SERVICE_NAME: `njsp-${service}` }),
  );
}, 60_000);

afterAll(async () => {
  await services?.stop();
  await receiver?.stop();
});

/** The span's ancestors within its trace, nearest first. */
function ancestors(span: ReceivedSpan, spans: ReceivedSpan[]): ReceivedSpan[] {
  const chain: ReceivedSpan[] = [];
  for (let parent = span.parentSpanId; parent;) {
    const found = spans.find((s) => s.traceId === span.traceId && s.spanId === parent);
    if (!found) break;
    chain.push(found);
    parent = found.parentSpanId;
  }
  return chain;
}

async function until<T>(find: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`not received within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("follows one Participant360 request from the gateway through job-centers to its SQL, in one trace", async () => {
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
  const body = await response.json();
  expect(body.data.participant).toMatchObject({ id: participant.id, name: participant.name });

  // the gateway's server span of this request is the root of its trace
  const root = await until(() =>
    receiver.spans.find((s) => s.service === "njsp-gateway" && s.kind === SERVER && s.attributes["url.path"] === "/graphql"),
  );
  expect(root.parentSpanId).toBe("");
  // job-centers' SQL statements arrive in the same trace, each under job-centers' server span, which the gateway's
  // client span (the HTTP call carrying traceparent) parents
  const statement = await until(() =>
    receiver.spans.find(
      (s) => s.traceId === root.traceId && s.service === "njsp-job-centers" && s.attributes["db.system.name"] === "postgresql",
    ),
  );
  const chain = ancestors(statement, receiver.spans);
  const subgraphServer = chain.find((s) => s.kind === SERVER)!;
  expect(subgraphServer).toMatchObject({ service: "njsp-job-centers", attributes: expect.objectContaining({ "url.path": "/graphql" }) });
  const afterServer = chain.slice(chain.indexOf(subgraphServer) + 1);
  expect(afterServer[0]).toMatchObject({ service: "njsp-gateway", kind: CLIENT });
  expect(afterServer.at(-1)).toBe(root);
  // SQL text with placeholders only: a statement is named by its operation and database
  expect(statement.name).toMatch(/^pg\.query:SELECT /);
  expect(String(statement.attributes["db.query.text"])).toContain("$1");

  // nothing in any span names the person or carries the token
  await new Promise((resolve) => setTimeout(resolve, 300)); // the last batches
  const exported = receiver.bodies.join("\n");
  expect(exported).not.toContain(participant.id);
  expect(exported).not.toContain(participant.name);
  expect(exported).not.toContain(token);
});

it("traces no health probe or metrics scrape", async () => {
  await fetch(services.gateway.url.replace("/graphql", "/health"));
  await fetch(services.gateway.url.replace("/graphql", "/metrics"));
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(receiver.spans.filter((s) => ["/health", "/metrics"].includes(String(s.attributes["url.path"])))).toEqual([]);
});

it("loads no OpenTelemetry SDK at all when no endpoint is set", () => {
  // what the gateway's first import does, then which SDK modules the process holds
  const script = `require(${JSON.stringify(path.join(PROJECT_ROOT, "dist", "gateway", "src", "tracing.js"))});
    console.log(JSON.stringify(Object.keys(require.cache).filter((f) => /@opentelemetry[\\/](sdk-|exporter-|instrumentation)/.test(f))));`;
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("OTEL_")));
  const off = spawnSync(process.execPath, ["-e", script], { env, encoding: "utf8" });
  expect(JSON.parse(off.stdout)).toEqual([]);
  const on = spawnSync(process.execPath, ["-e", script], {
    env: { ...env, OTEL_EXPORTER_OTLP_ENDPOINT: "http://127.0.0.1:9" },
    encoding: "utf8",
  });
  expect(JSON.parse(on.stdout).length).toBeGreaterThan(0); // the same probe sees them when tracing is on
});
