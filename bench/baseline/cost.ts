import type { BenchResults, CostRow, RoundResult } from "../types";

/**
 * The cost of access control, measured in one run: ours against the version before it (`--baseline`), round by
 * round. cost = 1 − ours/baseline requests/s (positive: ours serves fewer; negative: more). Issue 8's target: at
 * most 15% for Participant360 and Caseload at concurrency 16.
 */

/** Where the target applies and its bound. */
export const COST_TARGET = { workloads: ["Participant360", "Caseload"], connections: 16, maxCostPct: 15 } as const;

/** 100 × (1 − ours/baseline), or null when either is unknown or the baseline served nothing. */
export function costPercent(ours: number | null | undefined, baseline: number | null | undefined): number | null {
  if (ours == null || baseline == null || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline <= 0) return null;
  return (1 - ours / baseline) * 100;
}

/**
 * The target for a workload × concurrency (null where issue 8 sets none): met when the cost is known, at most
 * `maxCostPct`, and neither side failed a request (failed requests return early and would flatter either side).
 */
export function costTarget(workload: string, connections: number, costPct: number | null, errors = 0): CostRow["target"] {
  const applies = (COST_TARGET.workloads as readonly string[]).includes(workload) && connections === COST_TARGET.connections;
  if (!applies) return null;
  // 1 − 85/100 is 15.000000000000002 in floating point: exactly the bound is within it
  const within = costPct !== null && costPct <= COST_TARGET.maxCostPct + 1e-9;
  return { maxCostPct: COST_TARGET.maxCostPct, met: within && errors === 0 };
}

/** The cost row of one round, or null when the round has no baseline. */
export function costRow(round: RoundResult): CostRow | null {
  const baseline = round.baseline;
  if (!baseline) return null;
  const costPct = costPercent(round.requestsPerSec, baseline.requestsPerSec);
  return {
    workload: round.workload,
    connections: round.connections,
    oursRps: round.requestsPerSec,
    baselineRps: baseline.requestsPerSec,
    costPct,
    oursP99Ms: round.latencyMs.p99,
    baselineP99Ms: baseline.latencyMs.p99,
    oursErrors: round.errors.total,
    baselineErrors: baseline.errors.total,
    target: costTarget(round.workload, round.connections, costPct, round.errors.total + baseline.errors.total),
  };
}

/** Every round's cost row, in the rounds' order (rounds without a baseline left out). */
export function costRows(rounds: readonly RoundResult[]): CostRow[] {
  return rounds.map(costRow).filter((row): row is CostRow => row !== null);
}

function fixed(value: number | null, digits: number): string {
  return value === null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

/** A row of the Markdown table: the figures, then the target's verdict. */
export function costTableRow(row: CostRow): string[] {
  const failed = row.oursErrors + row.baselineErrors > 0;
  const verdict = row.target ? `≤ ${row.target.maxCostPct}%: ${row.target.met ? "met" : failed ? "missed (errors)" : "missed"}` : "–";
  return [
    row.workload,
    String(row.connections),
    fixed(row.oursRps, 1),
    fixed(row.baselineRps, 1),
    fixed(row.costPct, 1),
    fixed(row.oursP99Ms, 1),
    fixed(row.baselineP99Ms, 1),
    `${row.oursErrors} / ${row.baselineErrors}`,
    verdict,
  ];
}

/** The "Cost of access control" section of the Markdown; none without a baseline. */
export function costSection(results: BenchResults): string[] {
  const rows = results.cost ?? costRows(results.rounds);
  const about = results.baseline;
  if (!about || rows.length === 0) return [];
  const header = [
    "workload",
    "conns",
    "ours req/s",
    "baseline req/s",
    "cost %",
    "ours p99 ms",
    "baseline p99 ms",
    "errors ours / baseline",
    "target",
  ];
  return [
    "",
    "## Cost of access control (ours vs the version before it, same run)",
    "",
    `Baseline: \`${about.ref}\` (${about.sha.slice(0, 7)}), no identity, policies or access log, on its own data ` +
      `(${about.participants ?? "?"} participants) at ${about.url}; node_modules ${about.install === "linked" ? "linked to ours" : "its own npm ci"} ` +
      `(${about.reason}). Same requests on both sides, from employment center ${about.center ?? "?"} (the token's); ` +
      "the gateways take turns in slices of about 2 s, rotating ours / peer / baseline. cost % = 1 − ours/baseline req/s (negative: ours is faster).",
    "",
    `| ${header.join(" | ")} |`,
    `| ${header.map((_, i) => (i < 2 ? "---" : "---:")).join(" | ")} |`,
    ...rows.map((row) => `| ${costTableRow(row).join(" | ")} |`),
  ];
}
