import { isGoodBody, quantile } from "./load";
import { parsePrometheusText, usageBetween, UsageTally } from "./metrics";
import { SeededSequence, seedFrom } from "./prng";
import { parseCli } from "./options";
import { Kind, parse } from "graphql";
import { operationOf, readContract, requestBodies, WORKLOAD_NAMES, WORKLOADS } from "./workloads";

describe("bench helpers", () => {
  it("sums Prometheus samples by name, ignoring labels, comments and timestamps", () => {
    const text = [
      "# HELP process_cpu_seconds_total Total CPU.",
      "# TYPE process_cpu_seconds_total counter",
      'process_cpu_seconds_total{service="a"} 1.5',
      'sql_statements_total{service="a",x="}"} 7 1700000000000',
      "process_resident_memory_bytes 1048576",
      'sql_statements_total{service="b"} 3',
    ].join("\n");
    const sums = parsePrometheusText(text);
    expect(sums.get("process_cpu_seconds_total")).toBe(1.5);
    expect(sums.get("sql_statements_total")).toBe(10);
    expect(sums.get("process_resident_memory_bytes")).toBe(1048576);
  });

  it("turns two snapshots into usage per request, null where a service did not answer", () => {
    const before = { a: { rssBytes: 1, cpuSeconds: 1, sqlStatements: 100 }, b: null };
    const after = {
      a: { rssBytes: 2 ** 21, cpuSeconds: 1.25, sqlStatements: 150 },
      b: { rssBytes: 2 ** 20, cpuSeconds: 3, sqlStatements: null },
    };
    expect(usageBetween(before, after, 25)).toEqual({
      a: { rssMb: 2, cpuSec: 0.25, sqlPerRequest: 2 },
      b: { rssMb: 1, cpuSec: null, sqlPerRequest: null },
    });
  });

  it("sums each service's CPU and SQL over the slices only, and keeps the last RSS", () => {
    const tally = new UsageTally();
    const snap = (cpuSeconds: number, sqlStatements: number | null, rssMb: number) => ({
      cpuSeconds,
      sqlStatements,
      rssBytes: rssMb * 2 ** 20,
    });
    // the 100 s of CPU between the slices (another gateway's turn) must not count
    tally.add({ "job-centers": snap(1, 100, 50) }, { "job-centers": snap(3, 160, 60) }, 10);
    tally.add({ "job-centers": snap(103, 1160, 60) }, { "job-centers": snap(104, 1200, 70) }, 10);
    expect(tally.result()).toEqual({ "job-centers": { cpuSec: 3, sqlPerRequest: 5, rssMb: 70 } });
  });

  it("reports no figure for a service that did not report one in some slice", () => {
    const tally = new UsageTally();
    tally.add(
      { gateway: { cpuSeconds: 1, sqlStatements: null, rssBytes: null } },
      { gateway: { cpuSeconds: 2, sqlStatements: null, rssBytes: null } },
      5,
    );
    tally.add({ gateway: null }, { gateway: { cpuSeconds: 4, sqlStatements: null, rssBytes: null } }, 5);
    expect(tally.result()).toEqual({ gateway: { cpuSec: null, sqlPerRequest: null, rssMb: null } });
  });

  it("computes nearest-rank quantiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect([quantile(values, 0.5), quantile(values, 0.95), quantile(values, 0.99), quantile([], 0.5)]).toEqual([50, 95, 99, 0]);
  });

  it("tells GraphQL successes from responses with errors", () => {
    expect(isGoodBody('{"data":{"region":null}}', true)).toBe(true);
    expect(isGoodBody('{"errors":[{"message":"x"}],"data":null}', false)).toBe(false);
    expect(isGoodBody('{"data":{"name":"say \\"errors\\": no"}}', true)).toBe(true);
    expect(isGoodBody('{"data":{"a":1}', true)).toBe(false);
    expect(isGoodBody("<html>", false)).toBe(false);
  });

  it("draws the same sequence from the same seed", () => {
    const draw = () => {
      const sequence = new SeededSequence(seedFrom("Caseload/c16"));
      return Array.from({ length: 5 }, () => sequence.pick(["a", "b", "c", "d"]));
    };
    expect(draw()).toEqual(draw());
  });

  it("parses the command line, --quick giving smoke-test defaults", () => {
    expect(parseCli(["--quick"], {})).toMatchObject({ durationSec: 2, connections: [1, 4], warmupSec: 1, reuse: null });
    expect(parseCli(["--connections", "2,8", "--workloads", "Caseload", "--duration", "5"], {})).toMatchObject({
      durationSec: 5,
      connections: [2, 8],
      workloads: ["Caseload"],
    });
    expect(() => parseCli(["--workloads", "Nope"], {})).toThrow(/unknown workload/);
  });

  it("sends the contract's queries only: every workload is one of them, and no mutation is in the text", () => {
    const operations = parse(readContract()).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? [d] : []));
    expect(new Set(operations.map((o) => o.operation))).toEqual(new Set(["query"]));
    const names = operations.map((o) => o.name!.value);
    for (const workload of WORKLOAD_NAMES) expect(names).toContain(workload);
  });

  it("sends each workload's own operation, with the fragments it uses, as the contract writes it", () => {
    const contract = readContract();
    const breakdown = operationOf(contract, "ProgramBreakdown");
    expect(parse(breakdown).definitions.map((d) => [d.kind, (d as { name?: { value: string } }).name?.value])).toEqual([
      [Kind.OPERATION_DEFINITION, "ProgramBreakdown"],
      [Kind.FRAGMENT_DEFINITION, "BreakdownFigures"],
    ]);
    expect(contract).toContain(breakdown.split("\n\n")[0]);
    expect(parse(operationOf(contract, "RegionDirectory")).definitions).toHaveLength(1);
    expect(() => operationOf(contract, "Nope")).toThrow("the contract has no operation Nope");
    const fixtures = {
      participantCount: 1,
      participantIds: ["p"],
      caseloadCenterIds: ["21"],
      employmentCenterIds: ["21"],
      regionCodes: ["28"],
      reportYears: [2022],
    };
    const body = JSON.parse(requestBodies(WORKLOADS.RegionDirectory, fixtures, contract, "r")()) as Record<string, unknown>;
    expect(body).toEqual({ operationName: "RegionDirectory", query: operationOf(contract, "RegionDirectory"), variables: { code: "28" } });
  });
});
