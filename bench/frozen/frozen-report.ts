import type { LoadResult } from "../load";
import type { FrozenResult } from "./frozen";
import type { AnswerKind } from "./probe-summary";

/** "Requests that do not need it keep their normal p99 (within 20%)". */
export const FROZEN_P99_TARGET = 1.2;

const fmt = (value: number | null | undefined, digits: number) => (value == null || !Number.isFinite(value) ? "–" : value.toFixed(digits));
const load = (l: LoadResult) =>
  `${fmt(l.requestsPerSec, 1)} req/s, p50 ${fmt(l.latencyMs.p50, 1)} ms, p99 ${fmt(l.latencyMs.p99, 1)} ms, ${l.errors.total} errors`;
const kind = (k: AnswerKind | undefined) =>
  k ? `${k.count} (p50 ${fmt(k.p50Ms, 0)} ms, p99 ${fmt(k.p99Ms, 0)} ms, max ${fmt(k.maxMs, 0)} ms)` : "0";

/** The frozen phase's section of latest.md. */
export function frozenLines(frozen: FrozenResult | undefined): string[] {
  if (!frozen) return [];
  const { unaffected, needing, recovery } = frozen;
  const during = needing.during;
  const reasons = Object.keys(during.partial);
  return [
    "",
    `## One subgraph frozen: ${frozen.subgraph}, SIGSTOP for ${frozen.seconds} s`,
    "",
    `${unaffected.workload} (needs job-centers only) at ${frozen.connections} connections, and ${needing.workload} (needs every agency) ` +
      `sent every ${frozen.probeEveryMs} ms beside it, for ${frozen.seconds} s before the freeze and ${frozen.seconds} s during it.`,
    "",
    `- ${unaffected.workload} before: ${load(unaffected.before)}`,
    `- ${unaffected.workload} frozen: ${load(unaffected.during)}`,
    `- **p99 frozen / before: ${fmt(unaffected.p99Ratio, 2)}×** (target ≤ ${FROZEN_P99_TARGET}×: ` +
      `${unaffected.p99Ratio !== null && unaffected.p99Ratio <= FROZEN_P99_TARGET ? "met" : "not met"})`,
    `- ${needing.workload} before: ${needing.before.sent} sent, whole ${kind(needing.before.whole)}, ${needing.before.errors} errors`,
    `- ${needing.workload} frozen: ${during.sent} sent, whole ${kind(during.whole)}, ` +
      `${reasons.map((r) => `partial ${r} ${kind(during.partial[r])}`).join(", ") || "no partial answers"}, ${during.errors} errors; ` +
      `answered only after SIGCONT ${kind(during.afterThaw)}`,
    `- first partial answers (waiting out the timeout, until the breaker opens): ${during.firstPartialMs.join(", ") || "–"} ms`,
    `- after SIGCONT: whole answers again after ${recovery.ms === null ? "**never (60 s)**" : `${fmt(recovery.ms, 0)} ms`} ` +
      `(${recovery.answersUntilWhole} requests); breaker state then ${recovery.breakerState ?? "?"} (0 closed)`,
  ];
}
