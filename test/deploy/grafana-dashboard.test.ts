import { readFileSync } from "node:fs";
import path from "node:path";
import { parser } from "@prometheus-io/lezer-promql";
import { PROJECT_ROOT } from "@lib/config/paths";
import { SqlStatementCounter } from "@lib/db/sql-counter";
import { createMetricsRegistry } from "@lib/http/metrics";
import { GatewayMetrics } from "../../gateway/src/metrics";

interface Target {
  refId: string;
  expr?: string;
  datasource?: { type: string; uid: string };
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: Target[];
}

const dashboard = JSON.parse(readFileSync(path.join(PROJECT_ROOT, "deploy", "grafana", "njsp-dashboard.json"), "utf8")) as {
  uid: string;
  templating: { list: { name: string; type: string; query: string }[] };
  panels: Panel[];
};
const queried = dashboard.panels.filter((panel) => panel.type !== "row");

/**
 * Metrics the dashboard reads that the services do not expose yet: the per-operation, per-subgraph-fetch, breaker
 * and pool metrics being added to gateway/src/metrics.ts and lib/http/metrics.ts. Empty it as they land.
 */
const PLANNED = [
  "njsp_db_pool_connections",
  "njsp_gateway_request_duration_seconds_bucket",
  "njsp_gateway_requests_total",
  "njsp_gateway_subgraph_breaker_state",
  "njsp_gateway_subgraph_fetch_duration_seconds_bucket",
];

/** Metric names in a PromQL expression, read by Prometheus' own grammar; Grafana's `$__…` intervals become 5m. */
function metricsOf(expr: string): string[] {
  const promql = expr.replace(/\$__(rate_interval|interval|range)/g, "5m");
  const names: string[] = [];
  const cursor = parser.parse(promql).cursor();
  do {
    if (cursor.type.isError) throw new Error(`PromQL syntax error at ${cursor.from} in ${expr}`);
    if (cursor.name === "Identifier" && cursor.node.parent?.name === "VectorSelector") names.push(promql.slice(cursor.from, cursor.to));
  } while (cursor.next());
  return names;
}

/**
 * What the services' registries expose today, read from their `# TYPE` lines (a labelled metric nobody has observed
 * yet has no sample line): histograms as their _bucket, _count and _sum series, summaries as _count and _sum.
 */
async function exposedToday(): Promise<Set<string>> {
  const text = (await new GatewayMetrics().render()) + (await createMetricsRegistry("job-centers", new SqlStatementCounter()).metrics());
  const series = { histogram: ["_bucket", "_count", "_sum"], summary: ["", "_count", "_sum"] } as Record<string, string[]>;
  return new Set(
    [...text.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name, type]) => (series[type] ?? [""]).map((suffix) => name + suffix)),
  );
}

describe("deploy/grafana/njsp-dashboard.json", () => {
  it("asks for its Prometheus data source, and every query goes to it", () => {
    expect(dashboard.uid).toBe("njsp-federation");
    expect(dashboard.templating.list).toEqual([expect.objectContaining({ name: "datasource", type: "datasource", query: "prometheus" })]);
    for (const target of queried.flatMap((panel) => panel.targets ?? []))
      expect(target.datasource).toEqual({ type: "prometheus", uid: "${datasource}" });
  });

  it("gives every panel a query, in valid PromQL", () => {
    const withoutQuery = queried.filter((panel) => !panel.targets?.length || panel.targets.some((target) => !target.expr?.trim()));
    expect(withoutQuery.map((panel) => panel.title)).toEqual([]);
    for (const target of queried.flatMap((panel) => panel.targets ?? [])) expect(metricsOf(target.expr!).length).toBeGreaterThan(0);
    expect(() => metricsOf("sum(rate(njsp_gateway_requests_total[$__rate_interval])")).toThrow("PromQL syntax error");
  });

  it("lays its panels on Grafana's 24-column grid without overlap, with unique ids", () => {
    const cells = new Set<string>();
    for (const { id, gridPos } of dashboard.panels) {
      expect({ id, fits: gridPos.x >= 0 && gridPos.x + gridPos.w <= 24 }).toEqual({ id, fits: true });
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++)
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`)).toBe(false);
          cells.add(`${x},${y}`);
        }
    }
    expect(new Set(dashboard.panels.map((panel) => panel.id)).size).toBe(dashboard.panels.length);
  });

  it("reads only metrics the services expose today or the planned ones listed here", async () => {
    const used = [...new Set(queried.flatMap((panel) => panel.targets ?? []).flatMap((target) => metricsOf(target.expr!)))].sort();
    const today = await exposedToday();
    // a subset, not equality: when the metrics land this still passes, and PLANNED is then emptied by hand
    expect(used.filter((name) => !today.has(name) && !PLANNED.includes(name))).toEqual([]);
    expect(used).toEqual([
      "http_requests_total",
      ...PLANNED.slice(0, 1),
      "njsp_gateway_errors_total",
      ...PLANNED.slice(1),
      "njsp_gateway_subgraph_fetch_duration_seconds_count",
      "njsp_gateway_subgraph_fetch_errors_total",
      "nodejs_eventloop_lag_p99_seconds",
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "sql_statements_total",
    ]);
  });
});
