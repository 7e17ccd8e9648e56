import type { RunningGateway } from "./server";
import type { AdmissionOptions } from "./use-admission";
import { gatewayVariant, post, type HttpAnswer } from "../../test/abuse/support";
import { scrape, valuesOf } from "../../test/support/prometheus";
import { CONTRACT, DEFAULT_TOKEN_USER, startSystem, type TestSystem } from "../../test/support/system";
import { tokenFor } from "../../test/support/test-auth";

/**
 * Admission control on the real system: a gateway with a small limit in front of the real subgraphs and PostgreSQL,
 * a burst of the contract's ProgramBreakdown (the slowest report: each request executes for tens of milliseconds,
 * long enough for the others of the burst to arrive meanwhile).
 */
const BREAKDOWN = { query: CONTRACT, operationName: "ProgramBreakdown", variables: { year: 2022, by: ["REGION", "AGE_BAND"] } };

let system: TestSystem;
let headers: Record<string, string>;
let expected: HttpAnswer["body"];
const gateways: RunningGateway[] = [];
beforeAll(async () => {
  system = await startSystem();
  const { role, org, sub } = DEFAULT_TOKEN_USER;
  headers = { authorization: `Bearer ${await tokenFor(role, org, sub)}` };
  // the answer of the main gateway, one request alone, without any limit in the way
  expected = (await post(system.gateway.url, BREAKDOWN, headers)).body;
  expect(expected.errors).toBeUndefined();
  expect(expected.data.programBreakdown.year).toBe(2022);
});
afterAll(async () => {
  for (const gateway of gateways) await gateway.stop();
  await system?.stop();
});

async function limited(admission: AdmissionOptions): Promise<RunningGateway> {
  const gateway = await gatewayVariant(system, { admission });
  gateways.push(gateway);
  return gateway;
}

async function burst(gateway: RunningGateway, size: number): Promise<HttpAnswer[]> {
  return Promise.all(Array.from({ length: size }, () => post(gateway.url, BREAKDOWN, headers)));
}

/** The gateway's admission metrics, by name (and `outcome` for the counter). */
async function admissionFigures(gateway: RunningGateway): Promise<Record<string, number>> {
  const samples = await scrape(gateway.url);
  const figures: Record<string, number> = {};
  for (const name of ["executing", "executing_peak", "queued", "wait_seconds_count"]) {
    figures[name] = valuesOf(samples, `njsp_gateway_admission_${name}`)[0].value;
  }
  for (const sample of valuesOf(samples, "njsp_gateway_admission_total")) figures[sample.labels.outcome] = sample.value;
  return figures;
}

function expectBusy(answer: HttpAnswer, message: string): void {
  expect([answer.status, answer.headers.get("retry-after"), answer.body]).toEqual([
    503,
    "1",
    { errors: [{ message: `${message} Try again in 1 s.`, extensions: { code: "SERVER_BUSY", retryAfterSeconds: 1 } }] },
  ]);
}

it("answers all of 10 requests at once, correctly, never executing more than 2 of them at a time", async () => {
  const gateway = await limited({ maxConcurrent: 2, maxQueued: 100, maxWaitMs: 60_000 });
  const answers = await burst(gateway, 10);
  for (const answer of answers) expect([answer.status, answer.body]).toEqual([200, expected]);
  expect(await admissionFigures(gateway)).toEqual({
    executing: 0,
    executing_peak: 2,
    queued: 0,
    wait_seconds_count: 10,
    admitted: 10,
    refused_queue_full: 0,
    refused_wait: 0,
    client_gone: 0,
  });
});

it("refuses at once with 503 SERVER_BUSY what finds no place in the queue, and keeps /health and /metrics open", async () => {
  const gateway = await limited({ maxConcurrent: 1, maxQueued: 0, maxWaitMs: 1_000 });
  const [answers, health] = await Promise.all([burst(gateway, 6), fetch(gateway.url.replace(/\/graphql$/, "/health"))]);
  expect(health.status).toBe(200);
  const served = answers.filter((answer) => answer.status === 200);
  const refused = answers.filter((answer) => answer.status !== 200);
  for (const answer of served) expect(answer.body).toEqual(expected);
  for (const answer of refused) expectBusy(answer, "The gateway is busy (1 running, 0 waiting).");
  expect(served.length).toBeGreaterThanOrEqual(1);
  expect(refused.length).toBeGreaterThanOrEqual(1);
  const figures = await admissionFigures(gateway);
  expect([figures.admitted, figures.refused_queue_full, figures.executing_peak]).toEqual([served.length, refused.length, 1]);
});

it("refuses with 503 SERVER_BUSY a request whose turn did not come within the longest wait", async () => {
  const gateway = await limited({ maxConcurrent: 1, maxQueued: 10, maxWaitMs: 1 });
  const answers = await burst(gateway, 4);
  const refused = answers.filter((answer) => answer.status !== 200);
  for (const answer of refused) expectBusy(answer, "The gateway is busy: no turn came within 1 ms.");
  expect(refused.length).toBeGreaterThanOrEqual(1);
  const figures = await admissionFigures(gateway);
  expect([figures.admitted + figures.refused_wait, figures.refused_wait, figures.queued]).toEqual([4, refused.length, 0]);
});
