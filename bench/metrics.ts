/** Reading the services' Prometheus `/metrics` before and after a round. */

/** The figures the benchmark reads from one service; `null` when the service does not report them. */
export interface ServiceSnapshot {
  rssBytes: number | null;
  cpuSeconds: number | null;
  /** `sql_statements_total` (subgraphs only). */
  sqlStatements: number | null;
}

/** What one service used during a round. */
export interface ServiceUsage {
  /** Resident memory after the round, in MB (2^20 bytes). */
  rssMb: number | null;
  /** CPU seconds (user + system) the process used during the round. */
  cpuSec: number | null;
  /** SQL statements per request the system ran during the round (subgraphs only). */
  sqlPerRequest: number | null;
}

/**
 * Parses Prometheus text exposition into the sum of every sample of each metric name (labels ignored), e.g.
 * `process_cpu_seconds_total{service="x"} 1.5` → `process_cpu_seconds_total` = 1.5.
 */
export function parsePrometheusText(text: string): Map<string, number> {
  const sums = new Map<string, number>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#")) continue;
    const brace = line.indexOf("{");
    const nameEnd = brace >= 0 ? brace : line.search(/\s/);
    if (nameEnd <= 0) continue;
    const name = line.slice(0, nameEnd);
    const rest = brace >= 0 ? line.slice(line.lastIndexOf("}") + 1) : line.slice(nameEnd);
    const value = Number(rest.trim().split(/\s+/)[0]);
    if (Number.isFinite(value)) sums.set(name, (sums.get(name) ?? 0) + value);
  }
  return sums;
}

/** Reads one service's `/metrics`; `null` (with a warning) when it cannot be read, so a round is never lost to it. */
export async function scrapeService(metricsUrl: string, warn: (line: string) => void): Promise<ServiceSnapshot | null> {
  try {
    const response = await fetch(metricsUrl, { signal: AbortSignal.timeout(5000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const metrics = parsePrometheusText(await response.text());
    return {
      rssBytes: metrics.get("process_resident_memory_bytes") ?? null,
      cpuSeconds: metrics.get("process_cpu_seconds_total") ?? null,
      sqlStatements: metrics.get("sql_statements_total") ?? null,
    };
  } catch (error) {
    warn(`cannot read ${metricsUrl}: ${(error as Error).message}`);
    return null;
  }
}

/** Reads every service's `/metrics` in parallel, keyed by service name. */
export async function scrapeAll(
  urls: Record<string, string>,
  warn: (line: string) => void,
): Promise<Record<string, ServiceSnapshot | null>> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await scrapeService(url, warn)] as const));
  return Object.fromEntries(entries);
}

/** How much one figure of a service grew between two snapshots; null when either lacks it. */
function snapshotDelta(
  start: ServiceSnapshot | null,
  end: ServiceSnapshot | null,
  pick: (snapshot: ServiceSnapshot) => number | null,
): number | null {
  const a = start ? pick(start) : null;
  const b = end ? pick(end) : null;
  return a === null || b === null ? null : b - a;
}

/** A running sum that turns null for good once any of its parts is unknown. */
const sumOrNull = (total: number | null, value: number | null) => (total === null || value === null ? null : total + value);

interface ServiceTotals {
  cpuSec: number | null;
  sqlStatements: number | null;
  rssBytes: number | null;
}

/**
 * What each service used over one or more stretches between snapshots: CPU and SQL summed over the stretches only
 * (in a sliced round the subgraphs serve every gateway, so the time in between belongs to the others), RSS as the
 * last stretch left it, SQL per request over the requests sent in the stretches.
 */
export class UsageTally {
  private readonly totals = new Map<string, ServiceTotals>();
  private sent = 0;

  add(before: Record<string, ServiceSnapshot | null>, after: Record<string, ServiceSnapshot | null>, sent: number): void {
    this.sent += sent;
    for (const [name, end] of Object.entries(after)) {
      const start = before[name] ?? null;
      const so = this.totals.get(name) ?? { cpuSec: 0, sqlStatements: 0, rssBytes: null };
      this.totals.set(name, {
        cpuSec: sumOrNull(
          so.cpuSec,
          snapshotDelta(start, end, (s) => s.cpuSeconds),
        ),
        sqlStatements: sumOrNull(
          so.sqlStatements,
          snapshotDelta(start, end, (s) => s.sqlStatements),
        ),
        rssBytes: end?.rssBytes ?? null,
      });
    }
  }

  result(): Record<string, ServiceUsage> {
    const usage: Record<string, ServiceUsage> = {};
    for (const [name, totals] of this.totals) {
      usage[name] = {
        rssMb: totals.rssBytes != null ? totals.rssBytes / 2 ** 20 : null,
        cpuSec: totals.cpuSec,
        sqlPerRequest: totals.sqlStatements === null || this.sent === 0 ? null : totals.sqlStatements / this.sent,
      };
    }
    return usage;
  }
}

/** What each service used between two snapshots, given the requests completed in between. */
export function usageBetween(
  before: Record<string, ServiceSnapshot | null>,
  after: Record<string, ServiceSnapshot | null>,
  requests: number,
): Record<string, ServiceUsage> {
  const tally = new UsageTally();
  tally.add(before, after, requests);
  return tally.result();
}

/** The gateway's `/metrics` next to its GraphQL endpoint. */
export function metricsUrlOf(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = url.pathname.replace(/\/graphql\/?$/, "") + "/metrics";
  return url.toString();
}
