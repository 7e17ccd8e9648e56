import { frozenLines } from "./frozen/frozen-report";
import { costSection } from "./baseline/cost";
import { FLOOR_WORKLOAD } from "./rounds/measure-floor";
import { soakLines } from "./soak/soak-report";
import type { BenchResults, RoundResult } from "./types";
import { writeLines } from "./writes/write-report";

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

/** `a / b`, or null when either is unknown or `b` is 0. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0 ? null : a / b;
}

function throughputRow(round: RoundResult, withPeer: boolean): string[] {
  const gateway = round.services.gateway;
  const peer = round.peer;
  const peerColumns = withPeer
    ? [
        fmt(peer?.requestsPerSec, 1),
        fmt(peer?.latencyMs.p99, 1),
        fmt(ratio(round.requestsPerSec, peer?.requestsPerSec), 2),
        fmt(ratio(round.latencyMs.p99, peer?.latencyMs.p99), 2),
      ]
    : [];
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
    ...peerColumns,
  ];
}

/** The slices' ours/peer req/s, lowest–highest, and how many: how far the ratio strayed within the round. */
export function sliceSpread(round: RoundResult): string {
  const ratios = round.peerSliceRatios ?? [];
  if (ratios.length === 0) return "–";
  return `${fmt(Math.min(...ratios), 2)}–${fmt(Math.max(...ratios), 2)} (${ratios.length})`;
}

/** CPU milliseconds per completed request, or null. */
function cpuMsPerRequest(cpuSec: number | null | undefined, requests: number): number | null {
  return cpuSec == null || requests === 0 ? null : (cpuSec * 1000) / requests;
}

function peerRow(round: RoundResult): string[] {
  const peer = round.peer;
  return [
    round.workload,
    String(round.connections),
    round.order === "peer-first" ? "peer" : "ours",
    fmt(peer?.requestsPerSec, 1),
    fmt(peer?.latencyMs.p50, 1),
    fmt(peer?.latencyMs.p95, 1),
    fmt(peer?.latencyMs.p99, 1),
    String(peer?.errors.total ?? "–"),
    fmt(peer?.cpuSec, 2),
    fmt(peer?.rssMb, 0),
    `${fmt(cpuMsPerRequest(round.services.gateway?.cpuSec, round.requests), 2)} / ${fmt(cpuMsPerRequest(peer?.cpuSec, peer?.requests ?? 0), 2)}`,
    sliceSpread(round),
  ];
}

/** The floor lines: Participant360's p50 through each gateway at concurrency 1 against the floor's. */
export function floorLines(results: BenchResults): string[] {
  const floor = results.floor;
  if (!floor) return [];
  const round = results.rounds.find((r) => r.workload === FLOOR_WORKLOAD && r.connections === 1);
  const floorP50 = floor.latencyMs.p50;
  const line = (who: string, p50: number | undefined) =>
    `- ${FLOOR_WORKLOAD} gateway overhead at concurrency 1: p50 ${who} ${fmt(p50, 2)} ms / floor ${fmt(floorP50, 2)} ms = ` +
    `${fmt(ratio(p50, floorP50), 2)}× (target ≤ 1.5×)`;
  const lines = [
    `- floor: ${FLOOR_WORKLOAD}'s query plan (${floor.subgraphCalls} subgraph calls) executed straight against the subgraphs, ` +
      `no gateway, concurrency 1, ${fmt(floor.durationSec, 1)} s: ${fmt(floor.requestsPerSec, 1)} req/s, ` +
      `p50 ${fmt(floor.latencyMs.p50, 2)} ms, p95 ${fmt(floor.latencyMs.p95, 2)} ms, p99 ${fmt(floor.latencyMs.p99, 2)} ms, ` +
      `${floor.errors} errors; client: ${floor.client}` +
      (floor.firstError ? `; first error: \`${floor.firstError.replace(/`/g, "'")}\`` : ""),
  ];
  if (floor.interleavedGatewayLatencyMs) {
    lines.push(
      `- ${FLOOR_WORKLOAD} gateway overhead at concurrency 1, interleaved request by request with the floor (the fair measure): ` +
        `p50 ours ${fmt(floor.interleavedGatewayLatencyMs.p50, 2)} ms / floor ${fmt(floorP50, 2)} ms = ` +
        `${fmt(ratio(floor.interleavedGatewayLatencyMs.p50, floorP50), 2)}× (target ≤ 1.5×)`,
    );
  }
  if (round) {
    lines.push(line("ours", round.latencyMs.p50));
    if (round.peer) lines.push(line("peer", round.peer.latencyMs.p50));
  } else {
    lines.push(`- no ${FLOOR_WORKLOAD} round at concurrency 1 to compare the floor with`);
  }
  return lines;
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
    `- data: ${data.participants} participants (${data.seededParticipants != null ? `--participants ${data.seededParticipants}; ` : ""}${data.participantIdsUsed} ids drawn from), ${data.employmentCenters} employment centers, ${data.regions} regions`,
    `- rounds: ${settings.durationSec} s each after ${settings.warmupSec} s warm-up at ${settings.warmupConnections} connections; gateway ${results.gatewayUrl}`,
  ];
  const withPeer = results.rounds.some((r) => r.peer);
  if (withPeer) {
    lines.push(
      `- peer: ${results.peerName ?? "peer gateway"} at ${results.peerUrl ?? "?"}, same supergraph and subgraphs, same requests, ` +
        "each round cut into slices of about 2 s in which the gateways take turns (who goes first rotating by round and by slice), " +
        "so that the machine's drift falls on both alike; ours/peer req/s ≥ 1 and ours/peer p99 ≤ 1 favour ours",
    );
  }
  lines.push(...floorLines(results));
  const report = results.reportLatency;
  if (report) {
    lines.push(
      `- national ProgramReport ${report.year}: first request ${fmt(report.firstMs, 1)} ms (target ≤ 1000 ms cold), ` +
        `then p50 ${fmt(report.warmP50Ms, 1)} ms over ${report.samples} sequential requests after as many to warm up (target ≤ 50 ms warm)`,
    );
  }
  const breakdown = results.breakdownLatency;
  if (breakdown) {
    lines.push(
      `- ProgramBreakdown (offices × tracks first): first request ${fmt(breakdown.firstMs, 1)} ms (target ≤ 1000 ms cold); ` +
        `each other year × breakdown asked once p50 ${fmt(breakdown.uncachedP50Ms, 1)} ms, max ${fmt(breakdown.uncachedMaxMs, 1)} ms; ` +
        `asked again p50 ${fmt(breakdown.warmP50Ms, 1)} ms over ${breakdown.samples} (target ≤ 100 ms warm)` +
        reportCacheNote(breakdown.reportCache),
    );
  }
  const peerHeader = withPeer ? ["peer req/s", "peer p99", "ours/peer req/s", "ours/peer p99"] : [];
  lines.push(
    "",
    "## Throughput and latency",
    "",
    ...table(
      ["workload", "conns", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "gateway CPU s", "gateway RSS MB", ...peerHeader],
      results.rounds.map((round) => throughputRow(round, withPeer)),
    ),
  );
  lines.push(...costSection(results));
  if (withPeer) {
    lines.push("", `## Peer: ${results.peerName ?? "peer gateway"}`, "");
    lines.push(
      ...table(
        [
          "workload",
          "conns",
          "first",
          "req/s",
          "p50 ms",
          "p95 ms",
          "p99 ms",
          "errors",
          "CPU s",
          "RSS MB",
          "CPU ms/req ours / peer",
          "ours/peer by slice",
        ],
        results.rounds.filter((r) => r.peer).map(peerRow),
      ),
    );
  }
  if (subgraphs.length) {
    lines.push(
      "",
      withPeer ? "## SQL statements per request (ours / peer: the same plan should make the same calls)" : "## SQL statements per request",
      "",
    );
    lines.push(
      ...table(
        ["workload", "conns", ...subgraphs],
        results.rounds.map((r) => [
          r.workload,
          String(r.connections),
          ...subgraphs.map(
            (s) => fmt(r.services[s]?.sqlPerRequest, 2) + (withPeer ? ` / ${fmt(r.peer?.subgraphs[s]?.sqlPerRequest, 2)}` : ""),
          ),
        ]),
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
  const failing = results.rounds.filter((r) => r.errors.firstError || r.peer?.errors.firstError);
  if (failing.length) {
    lines.push("", "## First error per failing round", "");
    for (const r of failing) {
      if (r.errors.firstError) lines.push(`- ${r.workload} ×${r.connections}: \`${r.errors.firstError.replace(/`/g, "'")}\``);
      if (r.peer?.errors.firstError)
        lines.push(`- ${r.workload} ×${r.connections} (peer): \`${r.peer.errors.firstError.replace(/`/g, "'")}\``);
    }
  }
  lines.push(...soakLines(results.soak, SOAK_SVG), ...frozenLines(results.frozen));
  lines.push(...writeLines(results.writes));
  return `${lines.join("\n")}\n`;
}

/** The soak's RSS curve, written beside latest.md (output.ts). */
export const SOAK_SVG = "latest-soak.svg";

/** "Asked again" is a hit of the gateway's report cache only with it on; the harness starts the system without it. */
function reportCacheNote(reportCache: boolean | undefined): string {
  if (reportCache === undefined) return "";
  return reportCache ? "; report cache on (asked again: a hit)" : "; report cache off (asked again: computed again; --report-cache)";
}
