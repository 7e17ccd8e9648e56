import http from "node:http";
import type { AddressInfo } from "node:net";
import { parseCli } from "../options";
import { frozenLines } from "./frozen-report";
import { classifyAnswer } from "./paced-probe";
import { commandLineOf, pidListeningOn } from "./pid-of-port";
import { summarizeProbe } from "./probe-summary";
import type { FrozenResult } from "./frozen";

const unavailable = (serviceName: string, reason: string) =>
  JSON.stringify({
    data: { region: { welfarePartners: null } },
    errors: [{ message: "…", extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName, reason } }],
  });

describe("classifyAnswer", () => {
  it("tells whole, partial for want of the frozen subgraph, and failed answers apart", () => {
    expect(classifyAnswer(200, JSON.stringify({ data: { region: {} } }), "welfare-partners")).toEqual({ outcome: "whole" });
    // a policy's answer is an answer, not a failure
    const suppressed = JSON.stringify({ data: { x: 1 }, errors: [{ message: "withheld", extensions: { code: "SUPPRESSED" } }] });
    expect(classifyAnswer(200, suppressed, "welfare-partners")).toEqual({ outcome: "whole" });
    expect(classifyAnswer(200, unavailable("welfare-partners", "CIRCUIT_OPEN"), "welfare-partners")).toEqual({
      outcome: "partial",
      reason: "CIRCUIT_OPEN",
    });
    // another agency missing is not what is measured: a failure
    expect(classifyAnswer(200, unavailable("saeil-centers", "TIMEOUT"), "welfare-partners")).toEqual({ outcome: "error" });
    expect(classifyAnswer(503, "{}", "welfare-partners")).toEqual({ outcome: "error" });
    expect(classifyAnswer(200, "not json", "welfare-partners")).toEqual({ outcome: "error" });
  });
});

describe("summarizeProbe", () => {
  it("sorts answers by kind and reason, and keeps those that arrived after SIGCONT apart", () => {
    const summary = summarizeProbe(
      [
        { sentAtMs: 0, ms: 2500, outcome: "partial", reason: "TIMEOUT" },
        { sentAtMs: 100, ms: 2450, outcome: "partial", reason: "TIMEOUT" },
        { sentAtMs: 2600, ms: 20, outcome: "partial", reason: "CIRCUIT_OPEN" },
        { sentAtMs: 2700, ms: 30, outcome: "error" },
        { sentAtMs: 2800, ms: 500, outcome: "whole" }, // answered at 3300, after the thaw at 3000
      ],
      3000,
    );
    expect(summary).toEqual({
      sent: 5,
      whole: { count: 0, p50Ms: 0, p99Ms: 0, maxMs: 0 },
      partial: {
        CIRCUIT_OPEN: { count: 1, p50Ms: 20, p99Ms: 20, maxMs: 20 },
        TIMEOUT: { count: 2, p50Ms: 2450, p99Ms: 2500, maxMs: 2500 },
      },
      errors: 1,
      afterThaw: { count: 1, p50Ms: 500, p99Ms: 500, maxMs: 500 },
      firstPartialMs: [2500, 2450, 20],
    });
  });
});

describe("pidListeningOn", () => {
  it("finds the process listening on a port: this one, for a server of its own", async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      expect(pidListeningOn((server.address() as AddressInfo).port)).toBe(process.pid);
      expect(commandLineOf(process.pid)).toContain("node");
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe("frozen options", () => {
  it("freezes welfare-partners for 30 s in a full run, never with --reuse, and only a subgraph that can be missed", () => {
    expect(parseCli([], {})).toMatchObject({ frozenSec: 30, frozenSubgraph: "welfare-partners" });
    expect(parseCli(["--quick"], {})).toMatchObject({ frozenSec: 0 });
    expect(parseCli(["--frozen", "10", "--frozen-subgraph", "saeil-centers"], {})).toMatchObject({
      frozenSec: 10,
      frozenSubgraph: "saeil-centers",
    });
    const reuse = ["--reuse", "http://127.0.0.1:4000/graphql", "--token", "a.b.c"];
    expect(parseCli(reuse, {})).toMatchObject({ frozenSec: 0 });
    expect(() => parseCli([...reuse, "--frozen", "30"], {})).toThrow(/--frozen must not be combined with --reuse/);
    expect(() => parseCli(["--frozen-subgraph", "job-centers"], {})).toThrow(/--frozen-subgraph must be one of/);
  });
});

describe("frozenLines", () => {
  it("states the p99 ratio against the 20% target and the recovery", () => {
    const load = (p99: number) => ({
      durationSec: 30,
      requests: 300,
      sent: 300,
      requestsPerSec: 10,
      latencyMs: { p50: 5, p95: 9, p99, mean: 6, max: p99 },
      errors: { total: 0, non2xx: 0, timeouts: 0, connection: 0, graphql: 0 },
    });
    const probe = summarizeProbe([{ sentAtMs: 0, ms: 2500, outcome: "partial", reason: "TIMEOUT" }]);
    const frozen: FrozenResult = {
      subgraph: "welfare-partners",
      seconds: 30,
      connections: 16,
      probeEveryMs: 100,
      unaffected: { workload: "CenterYear", before: load(100), during: load(110), p99Ratio: 1.1 },
      needing: { workload: "RegionDirectory", before: probe, during: probe },
      recovery: { ms: 1234, answersUntilWhole: 3, breakerState: 0 },
    };
    const text = frozenLines(frozen).join("\n");
    expect(text).toContain("**p99 frozen / before: 1.10×** (target ≤ 1.2×: met)");
    expect(text).toContain("partial TIMEOUT 1 (p50 2500 ms, p99 2500 ms, max 2500 ms)");
    expect(text).toContain("whole answers again after 1234 ms (3 requests); breaker state then 0 (0 closed)");
  });
});
