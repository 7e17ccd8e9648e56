import type { BenchResults, RoundResult } from "./bench";

/** Formats a number with `digits` decimals, or `–` when unknown. */
function fmt(value: number | null | undefined, digits: number): string {
  return value == null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

function table(header: string[], rows: string[][]): string[] {
  const align = header.map((_, i) => (i < 2 ? "---" : "---:"));
  return [`| ${header.join(" | ")} |`, `| ${align.join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)];
}

/** Service names in the order the rounds report them, the gateway first. */
function serviceNames(results: BenchResults): string[] {
  const names = new Set<string>();
  for (const round of results.rounds) for (const name of Object.keys(round.services)) names.add(name);
  return [...names];
}

function throughputRow(round: RoundResult): string[] {
  const gateway = round.services.gateway;
  return [
    round.workload,
    String(round.connections),
    fmt(round.requestsPerSec, 1),
    fmt(round.latencyMs.p50, 1),
    fmt(round.latencyMs.p95, 1),
    fmt(round.latencyMs.p99, 1),
    String(round.errors.total),
    fmt(gateway?.cpuSec, 2),
    fmt(gateway?.rssMb, 0),
  ];
}

/**
 * The results as Markdown: machine and data, then throughput and latency per workload × concurrency, SQL statements
 * per request per subgraph, and each subgraph's CPU seconds and RSS.
 */
export function renderMarkdown(results: BenchResults): string {
  const { machine, data, settings } = results;
  const subgraphs = serviceNames(results).filter((name) => name !== "gateway");
  const lines = [
    `# Benchmark ${results.startedAt}`,
    "",
    `- machine: ${machine.cpuModel} × ${machine.cpuCount}, ${machine.totalMemoryGb} GB, ${machine.platform} ${machine.release} (${machine.arch}), Node ${machine.nodeVersion}`,
    `- data: ${data.participants} participants (${data.participantIdsUsed} ids drawn from), ${data.employmentCenters} employment centers, ${data.regions} regions`,
    `- rounds: ${settings.durationSec} s each after ${settings.warmupSec} s warm-up at ${settings.warmupConnections} connections; gateway ${results.gatewayUrl}`,
    "",
    "## Throughput and latency",
    "",
    ...table(
      ["workload", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "gateway CPU s", "gateway RSS MB"],
      results.rounds.map(throughputRow),
    ),
  ];
  if (subgraphs.length) {
    lines.push("", "## SQL statements per request", "");
    lines.push(
      ...table(
        ["workload", "conns", ...subgraphs],
        results.rounds.map((r) => [r.workload, String(r.connections), ...subgraphs.map((s) => fmt(r.services[s]?.sqlPerRequest, 2))]),
      ),
    );
    lines.push("", "## Subgraph CPU seconds during the round / RSS MB after it", "");
    lines.push(
      ...table(
        ["workload", "conns", ...subgraphs],
        results.rounds.map((r) => [
          r.workload,
          String(r.connections),
          ...subgraphs.map((s) => `${fmt(r.services[s]?.cpuSec, 2)} / ${fmt(r.services[s]?.rssMb, 0)}`),
        ]),
      ),
    );
  }
  const failing = results.rounds.filter((r) => r.errors.firstError);
  if (failing.length) {
    lines.push("", "## First error per failing round", "");
    for (const r of failing) lines.push(`- ${r.workload} ×${r.connections}: \`${(r.errors.firstError ?? "").replace(/`/g, "'")}\``);
  }
  return `${lines.join("\n")}\n`;
}
