import type { RunContext } from "../types";
import { requestBodies, WORKLOADS, type WorkloadName } from "../workloads";

/**
 * Every workload's requests, interleaved one by one, each workload with its own seeded sequence; `round` seeds them
 * (the warm-up's requests are not the measured soak's).
 */
export function interleavedBodies(run: RunContext, workloads: readonly WorkloadName[], round: string): () => string {
  const generators = workloads.map((name) => requestBodies(WORKLOADS[name], run.fixtures, run.contract, round));
  let next = 0;
  return () => generators[next++ % generators.length]();
}
