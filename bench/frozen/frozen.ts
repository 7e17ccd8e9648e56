import { setTimeout as sleep } from "node:timers/promises";
import { runLoad } from "../load";
import type { OurTarget, RunContext } from "../types";
import { startProbe } from "./paced-probe";
import { commandLineOf, pidListeningOn } from "./pid-of-port";
import { summarizeProbe } from "./probe-summary";
import type { FrozenOptions, FrozenResult } from "./frozen-result";
import { contractBodies, NEEDING, UNAFFECTED } from "./frozen-workloads";

export type { FrozenOptions, FrozenResult } from "./frozen-result";

/** Seconds the subgraph stays frozen in a full `npm run bench` (`--frozen`; off with `--quick` and `--reuse`). */
export const DEFAULT_FROZEN_SEC = 30;
/** The subgraph frozen unless `--frozen-subgraph` names another; job-centers cannot be (every operation needs it). */
export const DEFAULT_FROZEN_SUBGRAPH = "welfare-partners";
export const FREEZABLE_SUBGRAPHS = ["local-job-centers", "saeil-centers", "welfare-partners"] as const;
/** Concurrency of the workload that does not need the frozen subgraph. */
export const FROZEN_CONNECTIONS = 16;
/** One request that needs the frozen subgraph every this many milliseconds (10 a second). */
export const PROBE_EVERY_MS = 100;
const WARMUP_SEC = 5;
const RECOVERY_LIMIT_MS = 60_000;

/** The frozen subgraph's breaker state from the gateway's /metrics (0 closed, 1 half-open, 2 open). */
async function breakerState(ours: OurTarget, subgraph: string): Promise<number | null> {
  const text = await fetch(ours.metricsUrls.gateway).then(
    (r) => r.text(),
    () => "",
  );
  const match = new RegExp(`njsp_gateway_subgraph_breaker_state\\{subgraph="${subgraph}"\\} (\\d)`).exec(text);
  return match ? Number(match[1]) : null;
}

/** One phase: the unaffected workload at FROZEN_CONNECTIONS, the needing one at a steady pace beside it. */
async function phase(run: RunContext, ours: OurTarget, options: FrozenOptions, label: string) {
  const probe = startProbe({
    url: ours.url,
    headers: run.headers,
    nextBody: contractBodies(run, NEEDING, label),
    everyMs: PROBE_EVERY_MS,
    subgraph: options.subgraph,
  });
  const load = await runLoad({
    url: ours.url,
    connections: FROZEN_CONNECTIONS,
    durationSec: options.seconds,
    headers: run.headers,
    nextBody: contractBodies(run, UNAFFECTED, label),
  });
  return { load, probe };
}

/**
 * One subgraph frozen (SIGSTOP: it keeps its connections and never answers) for `seconds`, as the operations issue
 * measures it: requests that do not need it keep their p99; requests that need it get partial answers, first after
 * the timeout, then at once while the breaker is open; after SIGCONT the breaker closes and answers are whole again.
 */
export async function runFrozen(run: RunContext, ours: OurTarget, options: FrozenOptions): Promise<FrozenResult> {
  const pid = pidListeningOn(Number(new URL(options.subgraphUrl).port));
  if (pid === null || !commandLineOf(pid).includes("subgraphs/bin.js")) {
    throw new Error(`frozen phase: no subgraph process found listening at ${options.subgraphUrl}`);
  }
  run.log(`frozen: ${UNAFFECTED.name} warm-up ${WARMUP_SEC} s at ${FROZEN_CONNECTIONS} connections`);
  await runLoad({
    url: ours.url,
    connections: FROZEN_CONNECTIONS,
    durationSec: WARMUP_SEC,
    headers: run.headers,
    nextBody: contractBodies(run, UNAFFECTED, "frozen-warm-up"),
  });
  run.log(`frozen: before, ${options.seconds} s: ${UNAFFECTED.name} ×${FROZEN_CONNECTIONS}, ${NEEDING.name} every ${PROBE_EVERY_MS} ms`);
  const before = await phase(run, ours, options, "frozen-before");
  const beforeAnswers = await before.probe.stop();

  // never leave the subgraph stopped, whatever happens to this process
  const thaw = () => process.kill(pid, "SIGCONT");
  process.once("exit", thaw);
  run.log(`frozen: SIGSTOP ${options.subgraph} (pid ${pid}) for ${options.seconds} s`);
  let resumedAt: number;
  let during;
  try {
    process.kill(pid, "SIGSTOP");
    during = await phase(run, ours, options, "frozen-during");
  } finally {
    thaw();
    resumedAt = performance.now();
    process.removeListener("exit", thaw);
  }
  run.log(`frozen: SIGCONT ${options.subgraph}`);
  const [duringAnswers, recovery] = await Promise.all([during.probe.stop(), recover(run, ours, options, resumedAt)]);
  const p99Ratio = before.load.latencyMs.p99 > 0 ? during.load.latencyMs.p99 / before.load.latencyMs.p99 : null;
  const result: FrozenResult = {
    subgraph: options.subgraph,
    seconds: options.seconds,
    connections: FROZEN_CONNECTIONS,
    probeEveryMs: PROBE_EVERY_MS,
    unaffected: { workload: UNAFFECTED.name, before: before.load, during: during.load, p99Ratio },
    needing: {
      workload: NEEDING.name,
      before: summarizeProbe(beforeAnswers),
      during: summarizeProbe(duringAnswers, resumedAt - during.probe.startedAt),
    },
    recovery,
  };
  run.log(
    `frozen: ${UNAFFECTED.name} p99 ${before.load.latencyMs.p99.toFixed(1)} → ${during.load.latencyMs.p99.toFixed(1)} ms ` +
      `(×${p99Ratio?.toFixed(2) ?? "?"}); whole answers again ${recovery.ms === null ? "never" : `${Math.round(recovery.ms)} ms`} after SIGCONT`,
  );
  return result;
}

/** Requests that need the subgraph, one every PROBE_EVERY_MS, until one is answered whole (or a minute passes). */
async function recover(run: RunContext, ours: OurTarget, options: FrozenOptions, resumedAt: number): Promise<FrozenResult["recovery"]> {
  const next = contractBodies(run, NEEDING, "frozen-recovery");
  let answers = 0;
  while (performance.now() - resumedAt < RECOVERY_LIMIT_MS) {
    const probe = startProbe({ url: ours.url, headers: run.headers, nextBody: next, everyMs: 60_000, subgraph: options.subgraph });
    const [answer] = await probe.stop();
    answers++;
    if (answer.outcome === "whole") {
      return { ms: performance.now() - resumedAt, answersUntilWhole: answers, breakerState: await breakerState(ours, options.subgraph) };
    }
    await sleep(PROBE_EVERY_MS);
  }
  return { ms: null, answersUntilWhole: answers, breakerState: await breakerState(ours, options.subgraph) };
}
