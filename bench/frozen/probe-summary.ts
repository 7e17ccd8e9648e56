import { latencySummary } from "../load";
import type { ProbeAnswer } from "./paced-probe";

/** Latency of one kind of answer. */
export interface AnswerKind {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** The answers of requests that need the frozen subgraph, by kind: whole, partial by reason, failed. */
export interface ProbeSummary {
  sent: number;
  whole: AnswerKind;
  /** Partial answers by `extensions.reason`: TIMEOUT (waited for the subgraph), CIRCUIT_OPEN (refused at once), … */
  partial: Record<string, AnswerKind>;
  errors: number;
  /** Answers that arrived only after SIGCONT (sent while frozen, answered once it was not): not counted above. */
  afterThaw: AnswerKind;
  /** Latencies of the first five partial answers, in the order they were sent (the timeouts that open the breaker). */
  firstPartialMs: number[];
}

function kind(answers: readonly ProbeAnswer[]): AnswerKind {
  const latency = latencySummary(answers.map((a) => a.ms).sort((a, b) => a - b));
  return { count: answers.length, p50Ms: latency.p50, p99Ms: latency.p99, maxMs: latency.max };
}

/** @param thawAtMs when the subgraph was resumed, on the probe's clock: answers arriving later are told apart. */
export function summarizeProbe(all: readonly ProbeAnswer[], thawAtMs = Infinity): ProbeSummary {
  const late = (a: ProbeAnswer) => a.sentAtMs + a.ms > thawAtMs;
  const answers = all.filter((a) => !late(a));
  const partial = answers.filter((a) => a.outcome === "partial");
  const reasons = [...new Set(partial.map((a) => a.reason ?? ""))].sort();
  return {
    sent: all.length,
    whole: kind(answers.filter((a) => a.outcome === "whole")),
    partial: Object.fromEntries(reasons.map((reason) => [reason, kind(partial.filter((a) => a.reason === reason))])),
    errors: answers.filter((a) => a.outcome === "error").length,
    afterThaw: kind(all.filter(late)),
    firstPartialMs: [...partial]
      .sort((a, b) => a.sentAtMs - b.sentAtMs)
      .slice(0, 5)
      .map((a) => Math.round(a.ms)),
  };
}
