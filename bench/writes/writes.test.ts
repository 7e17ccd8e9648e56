import { parseCli } from "../options";
import { eventLagFigures, eventLags, type EmittedEvent, type ProcessedEvent } from "./event-lag";
import { summarizeByMutation, summarizeSent, writesPerSec } from "./write-figures";
import { writeLines } from "./write-report";
import { mutationDocument, writeRequest } from "./write-requests";
import { FULL_WRITE_SIZES, QUICK_WRITE_SIZES, type WriteResults } from "./write-types";

const AGENCIES = ["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"];
const emitted = (source: string, id: string, createdAtMs: number, type = "ParticipantEmployed"): EmittedEvent => ({
  source,
  id,
  type,
  createdAtMs,
});
const processed = (consumer: string, source: string, id: string, processedAtMs: number): ProcessedEvent => ({
  consumer,
  source,
  id,
  processedAtMs,
});

describe("event delivery lag", () => {
  it("is processed_at − created_at for every agency but the source, and counts what was not processed as missing", () => {
    const events = [emitted("job-centers", "7", 1_000), emitted("welfare-partners", "7", 2_000, "ParticipantLinked")];
    const rows = [
      processed("local-job-centers", "job-centers", "7", 1_012.5),
      processed("saeil-centers", "job-centers", "7", 1_030),
      processed("welfare-partners", "job-centers", "7", 1_400),
      // the same number from another source is another event
      processed("job-centers", "welfare-partners", "7", 2_005),
      processed("local-job-centers", "welfare-partners", "7", 2_250),
      // an event of before the phase, not among the emitted ones: ignored
      processed("saeil-centers", "job-centers", "6", 900),
    ];
    expect(eventLags(events, rows, AGENCIES)).toEqual({ lagsMs: [5, 12.5, 30, 250, 400], deliveries: 6, missing: 1 });
  });

  it("summarizes the lags with nearest-rank percentiles and counts events by type", () => {
    const events = Array.from({ length: 100 }, (_, i) =>
      emitted("job-centers", String(i + 1), 0, i < 60 ? "ParticipantApplied" : "ParticipantEmployed"),
    );
    const rows = events.map((e, i) => processed("saeil-centers", "job-centers", e.id, i + 1));
    const figures = eventLagFigures("peers", events, rows, ["job-centers", "saeil-centers"]);
    expect(figures).toEqual({
      transport: "peers",
      events: 100,
      deliveries: 100,
      missing: 0,
      byType: { ParticipantApplied: 60, ParticipantEmployed: 40 },
      lagMs: { p50: 50, p95: 95, p99: 99, mean: 50.5, max: 100 },
    });
  });
});

describe("write figures", () => {
  const sent = [
    { mutation: "payAllowance", ms: 10 },
    { mutation: "recordEmployment", ms: 30 },
    { mutation: "payAllowance", ms: 20, error: "HTTP 200: first" },
    { mutation: "payAllowance", ms: 40, error: "HTTP 502: second" },
  ];

  it("summarizes sent writes: every answered request's latency, errors and the first one", () => {
    expect(summarizeSent(sent)).toEqual({
      requests: 4,
      errors: 2,
      latencyMs: { p50: 20, p95: 40, p99: 40, mean: 25, max: 40 },
      firstError: "HTTP 200: first",
    });
    expect(summarizeByMutation(sent).map((m) => [m.mutation, m.requests, m.errors, m.latencyMs.p50])).toEqual([
      ["payAllowance", 3, 2, 20],
      ["recordEmployment", 1, 0, 30],
    ]);
    expect(writesPerSec(summarizeSent(sent), 0.5)).toBe(4);
    expect(writesPerSec(summarizeSent([]), 0)).toBe(0);
  });

  it("writes each mutation as a named operation with its input as a variable and a fresh idempotency key", () => {
    expect(mutationDocument("payAllowance")).toBe(
      "mutation PayAllowance($input: PayAllowanceInput!) { payAllowance(input: $input) { month amountWon paidOn } }",
    );
    const first = writeRequest("payAllowance", { participantId: "p", month: "2026-12", dependants: 0 }, "t");
    const second = writeRequest("payAllowance", { participantId: "p", month: "2026-12", dependants: 0 }, "t");
    const input = (body: string) => (JSON.parse(body) as { variables: { input: Record<string, unknown> } }).variables.input;
    expect(JSON.parse(first.body)).toMatchObject({
      operationName: "PayAllowance",
      variables: { input: { participantId: "p", month: "2026-12" } },
    });
    expect(input(first.body).idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
    expect(input(first.body).idempotencyKey).not.toBe(input(second.body).idempotencyKey);
    expect(() => mutationDocument("dropEverything")).toThrow(/no selection/);
  });
});

describe("the write phase's options", () => {
  it("runs by default with the full sizes, shrinks with --quick, and is skipped with --no-writes or --reuse", () => {
    expect(parseCli([], {})).toMatchObject({ writes: FULL_WRITE_SIZES });
    expect(parseCli(["--quick"], {})).toMatchObject({ writes: QUICK_WRITE_SIZES });
    expect(parseCli(["--quick", "--allowance-batch", "2000"], {})).toMatchObject({
      writes: { ...QUICK_WRITE_SIZES, allowanceBatch: 2000 },
    });
    expect(parseCli(["--no-writes"], {})).toMatchObject({ writes: null });
    const token = "aaa.bbb.ccc";
    expect(parseCli(["--reuse", "http://127.0.0.1:4000/graphql", "--token", token], {})).toMatchObject({ writes: null });
    expect(() => parseCli(["--allowance-batch", "1.5"], {})).toThrow(/whole number/);
    expect(() => parseCli(["--allowance-batch", "0"], {})).toThrow(/positive/);
  });
});

describe("the Writes table", () => {
  const latency = (p50: number, p99: number) => ({ p50, p95: p99, p99, mean: p50, max: p99 });
  const results: WriteResults = {
    data: { scratchPrefix: "njsp_writes", copiedFrom: "njsp", participants: 20_000 },
    sizes: FULL_WRITE_SIZES,
    loadAverage: { before: [1.5, 1.25, 1], after: [2, 1.5, 1.125] },
    mix: {
      connections: 1,
      latencyMs: latency(12.34, 40),
      requests: 600,
      errors: 0,
      mutations: [{ mutation: "payAllowance", role: "CENTER_MANAGER", requests: 100, errors: 0, latencyMs: latency(11.5, 30) }],
    },
    counseling: {
      mutation: "recordCounselingSession",
      connections: 16,
      durationSec: 10,
      requests: 4_000,
      errors: 2,
      writesPerSec: 399.8,
      latencyMs: latency(35, 120),
      participants: 4_000,
      writers: 1_500,
      services: { gateway: { rssMb: 100, cpuSec: 4, sqlPerRequest: null } },
      firstError: "HTTP 200: `boom`",
    },
    batch: {
      mutation: "payAllowance",
      month: "2026-12",
      connections: 16,
      totalSec: 41.25,
      requests: 10_000,
      errors: 0,
      writesPerSec: 242.4,
      latencyMs: latency(60, 200),
      participants: 10_000,
      writers: 133,
      eligibleAsSeeded: 1_194,
      preparedBySql: 8_806,
      services: { gateway: { rssMb: 100, cpuSec: 20, sqlPerRequest: null } },
    },
    events: {
      transport: "peers",
      events: 300,
      deliveries: 900,
      missing: 0,
      byType: { ParticipantApplied: 100, ParticipantEmployed: 200 },
      lagMs: latency(40, 1_200),
    },
  };

  it("shows each figure beside its target, and says which are missed", () => {
    const lines = writeLines(results);
    expect(lines).toContain("## Writes");
    expect(lines).toContain(
      "- the machine's load average (1, 5, 15 min) as the phase began: 1.50, 1.25, 1.00; as it ended: 2.00, 1.50, 1.13",
    );
    expect(lines).toContain(
      "| mutation p50 at concurrency 1 (all mix requests) | 12.3 ms (p95 40.0, p99 40.0; 0 errors of 600) | ≤ 30 ms | met |",
    );
    expect(lines).toContain(
      "| recordCounselingSession at concurrency 16 | 400 writes/s (p50 35.0 ms, p99 120.0 ms; 2 errors of 4,000) | ≥ 1,000 writes/s | **missed** |",
    );
    expect(lines).toContain(
      "| payAllowance batch at concurrency 16 | 41.3 s (242 writes/s, p50 60.0 ms, p99 200.0 ms; 0 errors) | ≤ 60 s for 10,000 | met |",
    );
    expect(lines).toContain(
      "| event delivery lag p99 (embedded default, service to service) | 1200 ms (p50 40 ms, max 1200 ms; 300 events, 900 deliveries, 0 missing) | ≤ 1,000 ms | **missed** |",
    );
    expect(lines).toContain("| payAllowance | CENTER_MANAGER | 100 | 11.5 | 30.0 | 30.0 | 0 |");
    expect(lines).toContain("| counselling | 4.00 (1.00) |");
    expect(lines).toContain("- counselling: `HTTP 200: 'boom'`");
    expect(writeLines(undefined)).toEqual([]);
  });

  it("says when the batch was smaller than the target's 10,000", () => {
    const small = { ...results, batch: { ...results.batch, participants: 300, requests: 300, totalSec: 2 } };
    expect(writeLines(small)).toContain(
      "| payAllowance batch at concurrency 16 (300 participants, not 10,000) | 2.0 s (242 writes/s, p50 60.0 ms, p99 200.0 ms; 0 errors) | ≤ 60 s for 10,000 | **missed** |",
    );
  });
});
