import os from "node:os";
import type { SoakResult } from "./soak";

/** "RSS flat within 10%": the last window's median against the first's, per service. */
export const RSS_FLAT_PCT = 10;

const fmt = (value: number | null | undefined, digits: number) => (value == null || !Number.isFinite(value) ? "–" : value.toFixed(digits));

/** The unmeasured warm-up before the soak: what it saw, and what it added to every service's RSS. */
function warmUpLines({ warmup, connections, rss }: SoakResult): string[] {
  if (!warmup) return [];
  const after = rss[0]?.rssMb ?? {};
  const grown = Object.entries(warmup.rssMbBefore).map(([name, mb]) => `${name} ${fmt(mb, 0)} → ${fmt(after[name], 0)}`);
  return [
    `- warm-up before it (not measured): ${warmup.seconds} s of the same mix at ${connections} connections, ${warmup.requests} requests, ` +
      `${fmt(warmup.requestsPerSec, 1)} req/s, p99 ${fmt(warmup.p99Ms, 1)} ms, ${warmup.errors} errors` +
      (warmup.firstError ? ` (first: \`${warmup.firstError.replace(/`/g, "'")}\`)` : "") +
      `; RSS MB before → after it: ${grown.join(", ")}`,
  ];
}

/** The soak's section of latest.md: the load, the RSS verdict per service, and the curve once a minute. */
export function soakLines(soak: SoakResult | undefined, svgName: string): string[] {
  if (!soak) return [];
  const { load } = soak;
  const services = Object.keys(soak.flatness);
  const lines = [
    "",
    `## Soak: ${soak.minutes} min at ${soak.connections} connections`,
    "",
    `${soak.workloads.join(", ")} interleaved request by request; every service's RSS read from its /metrics every ` +
      `${soak.rss.length > 1 ? soak.rss[1].atSec - soak.rss[0].atSec : "?"} s. Targets: 0 errors, RSS flat within ${RSS_FLAT_PCT}% ` +
      `(median of the first ${soak.comparedSec} s against the median of the last ${soak.comparedSec} s).`,
    "",
    ...warmUpLines(soak),
    `- load: ${load.requests} requests, ${fmt(load.requestsPerSec, 1)} req/s, p50 ${fmt(load.latencyMs.p50, 1)} ms, ` +
      `p99 ${fmt(load.latencyMs.p99, 1)} ms, max ${fmt(load.latencyMs.max, 1)} ms, **${load.errors.total} errors**` +
      (load.errors.firstError ? ` (first: \`${load.errors.firstError.replace(/`/g, "'")}\`)` : ""),
    `- slowest 10 s slice: p99 ${fmt(Math.max(0, ...soak.windows.map((w) => w.p99Ms)), 1)} ms; ` +
      `req/s per slice ${fmt(Math.min(...soak.windows.map((w) => w.requestsPerSec)), 1)}–${fmt(Math.max(...soak.windows.map((w) => w.requestsPerSec)), 1)}`,
    `- RSS curve: [${svgName}](${svgName})`,
    `- the machine's 1-minute load average: ${fmt(soak.loadAverage.start, 2)} at the start, ${fmt(soak.loadAverage.end, 2)} at the end, ` +
      `${fmt(soak.loadAverage.max, 2)} at most (read every 10 s), on ${os.cpus().length} CPUs shared with whatever else runs there`,
    "",
    "| service | first MB | last MB | drift % | max deviation % | max MB | flat within 10% |",
    "|---|---:|---:|---:|---:|---:|---|",
    ...services.map((name) => {
      const f = soak.flatness[name];
      return `| ${name} | ${fmt(f.firstMb, 1)} | ${fmt(f.lastMb, 1)} | ${fmt(f.driftPct, 1)} | ${fmt(f.maxDeviationPct, 1)} | ${fmt(f.maxMb, 1)} | ${Math.abs(f.driftPct) <= RSS_FLAT_PCT ? "yes" : "**no**"} |`;
    }),
    "",
    `| minute | req/s | p99 ms | errors | ${services.map((s) => `${s} MB`).join(" | ")} |`,
    `|---:|---:|---:|---:|${services.map(() => "---:|").join("")}`,
  ];
  const perMinute = Math.max(1, Math.round(60 / (soak.windows.length ? soak.windows[0].atSec : 10)));
  for (let i = perMinute - 1; i < soak.windows.length; i += perMinute) {
    const slices = soak.windows.slice(i + 1 - perMinute, i + 1);
    const atSec = soak.windows[i].atSec;
    const sample = soak.rss.find((s) => s.atSec >= atSec - 1) ?? soak.rss[soak.rss.length - 1];
    const requests = slices.reduce((sum, w) => sum + w.requests, 0);
    lines.push(
      `| ${fmt(atSec / 60, 0)} | ${fmt(requests / (slices.length * (soak.windows[0]?.atSec ?? 10)), 1)} | ` +
        `${fmt(Math.max(...slices.map((w) => w.p99Ms)), 1)} | ${slices.reduce((sum, w) => sum + w.errors, 0)} | ` +
        `${services.map((s) => fmt(sample.rssMb[s], 1)).join(" | ")} |`,
    );
  }
  return lines;
}
