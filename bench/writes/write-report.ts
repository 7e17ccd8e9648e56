import { WRITE_TARGETS as T, type WriteResults } from "./write-types";

function fmt(value: number | null | undefined, digits: number): string {
  return value == null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
}

const thousands = (value: number) => value.toLocaleString("en");
const met = (ok: boolean) => (ok ? "met" : "**missed**");

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}

/**
 * The "Writes" section of latest.md: each target of the issue with the figure measured beside it, then each mutation
 * of the concurrency-1 mix, the errors' first bodies, and what the services used during the two loaded parts.
 */
export function writeLines(writes: WriteResults | undefined): string[] {
  if (!writes) return [];
  const { mix, counseling: c, batch: b, events: e } = writes;
  const batchSize =
    b.participants === T.batchParticipants ? "" : ` (${thousands(b.participants)} participants, not ${thousands(T.batchParticipants)})`;
  const lines = [
    "",
    "## Writes",
    "",
    `- on a scratch copy of the seeded databases (\`${writes.data.scratchPrefix}_*\`, copied from \`${writes.data.copiedFrom}_*\` after the ` +
      "read rounds and dropped at the end), through our gateway, each request with a fresh idempotency key and the token of whom " +
      "the rules let write it (the counsellor in charge, the center's manager for the allowance)",
    `- allowance batch for ${b.month}: ${thousands(b.participants)} participants paid by ${b.writers} centers' managers; ` +
      `${thousands(b.eligibleAsSeeded)} eligible as seeded, ${thousands(b.preparedBySql)} made eligible by SQL in the copy first ` +
      "(Type Ⅰ with an IAP moved to JOB_SEEKING, at most 5 earlier payments kept)",
    `- the machine's load average (1, 5, 15 min) as the phase began: ${writes.loadAverage.before.map((n) => fmt(n, 2)).join(", ")}; ` +
      `as it ended: ${writes.loadAverage.after.map((n) => fmt(n, 2)).join(", ")}`,
    "",
    row(["measure", "figure", "target", ""]),
    row(["---", "---:", "---:", "---"]),
    row([
      "mutation p50 at concurrency 1 (all mix requests)",
      `${fmt(mix.latencyMs.p50, 1)} ms (p95 ${fmt(mix.latencyMs.p95, 1)}, p99 ${fmt(mix.latencyMs.p99, 1)}; ${mix.errors} errors of ${mix.requests})`,
      `≤ ${T.mutationP50Ms} ms`,
      met(mix.latencyMs.p50 <= T.mutationP50Ms && mix.errors === 0),
    ]),
    row([
      `recordCounselingSession at concurrency ${c.connections}`,
      `${fmt(c.writesPerSec, 0)} writes/s (p50 ${fmt(c.latencyMs.p50, 1)} ms, p99 ${fmt(c.latencyMs.p99, 1)} ms; ${c.errors} errors of ${thousands(c.requests)})`,
      `≥ ${thousands(T.counselingWritesPerSec)} writes/s`,
      met(c.writesPerSec >= T.counselingWritesPerSec && c.errors === 0),
    ]),
    row([
      `payAllowance batch at concurrency ${b.connections}${batchSize}`,
      `${fmt(b.totalSec, 1)} s (${fmt(b.writesPerSec, 0)} writes/s, p50 ${fmt(b.latencyMs.p50, 1)} ms, p99 ${fmt(b.latencyMs.p99, 1)} ms; ${b.errors} errors)`,
      `≤ ${T.batchSec} s for ${thousands(T.batchParticipants)}`,
      met(b.participants >= T.batchParticipants && b.totalSec <= T.batchSec && b.errors === 0),
    ]),
    row([
      `event delivery lag p99 (${e.transport === "nats" ? "NATS JetStream" : "embedded default, service to service"})`,
      `${fmt(e.lagMs.p99, 0)} ms (p50 ${fmt(e.lagMs.p50, 0)} ms, max ${fmt(e.lagMs.max, 0)} ms; ${e.events} events, ${e.deliveries} deliveries, ${e.missing} missing)`,
      `≤ ${thousands(T.eventLagP99Ms)} ms`,
      met(e.lagMs.p99 <= T.eventLagP99Ms && e.missing === 0),
    ]),
    "",
    `Concurrency 1, ${mix.mutations[0]?.requests ?? 0} requests of each mutation, interleaved, after unmeasured ones:`,
    "",
    row(["mutation", "as", "requests", "p50 ms", "p95 ms", "p99 ms", "errors"]),
    row(["---", "---", "---:", "---:", "---:", "---:", "---:"]),
    ...mix.mutations.map((m) =>
      row([
        m.mutation,
        m.role,
        String(m.requests),
        fmt(m.latencyMs.p50, 1),
        fmt(m.latencyMs.p95, 1),
        fmt(m.latencyMs.p99, 1),
        String(m.errors),
      ]),
    ),
    "",
    `Events by type: ${
      Object.entries(e.byType)
        .map(([type, n]) => `${type} ${n}`)
        .join(", ") || "none"
    }; lag = the consumer's \`processed_at\` − the outbox's \`created_at\`, every agency but the source.`,
  ];
  const services = Object.keys({ ...c.services, ...b.services });
  if (services.length) {
    lines.push("", "CPU seconds used during the loaded parts (per request, ms):", "");
    lines.push(row(["part", ...services]), row(["---", ...services.map(() => "---:")]));
    for (const [name, part] of [["counselling", c] as const, ["batch", b] as const]) {
      const cells = services.map((s) => {
        const cpu = part.services[s]?.cpuSec;
        return cpu == null ? "–" : `${fmt(cpu, 2)} (${fmt((cpu * 1000) / Math.max(1, part.requests), 2)})`;
      });
      lines.push(row([name, ...cells]));
    }
  }
  const failures = [
    ...mix.mutations.map((m) => [m.mutation, m.firstError] as const),
    ["counselling", c.firstError] as const,
    ["batch", b.firstError] as const,
  ];
  const firstErrors = failures.filter(([, error]) => error);
  if (firstErrors.length) {
    lines.push("", "First error of each failing part:", "");
    for (const [part, error] of firstErrors) lines.push(`- ${part}: \`${(error ?? "").replace(/`/g, "'")}\``);
  }
  return lines;
}
