import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { buildOperationPlan } from "../floor/plan";
import { runFloor, type FloorResult } from "../floor/run-floor";
import type { RunContext } from "../types";
import { requestVariables, WORKLOADS, type WorkloadName } from "../workloads";

/** The workload whose floor is measured: the one that calls every subgraph. */
export const FLOOR_WORKLOAD: WorkloadName = "Participant360";

/**
 * The floor of Participant360 at concurrency 1, with the variables of its concurrency-1 round (label `c1`), each
 * request also sent through our gateway, interleaved, for a fair overhead ratio.
 */
export async function measureFloor(
  run: RunContext,
  system: { gatewayUrl: string; subgraphUrls: Record<string, string>; supergraphSdl?: string },
): Promise<FloorResult> {
  const supergraphSdl = system.supergraphSdl ?? readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8");
  const plan = buildOperationPlan(supergraphSdl, run.contract, FLOOR_WORKLOAD);
  run.log(`${FLOOR_WORKLOAD} floor: its query plan straight to the subgraphs, ${run.durationSec} s at concurrency 1`);
  const floor = await runFloor({
    workload: FLOOR_WORKLOAD,
    plan,
    subgraphUrls: system.subgraphUrls,
    headers: run.headers,
    durationSec: run.durationSec,
    nextVariables: requestVariables(WORKLOADS[FLOOR_WORKLOAD], run.fixtures, "c1"),
    gateway: { url: system.gatewayUrl, body: (variables) => ({ query: run.contract, operationName: FLOOR_WORKLOAD, variables }) },
  });
  run.log(
    `${FLOOR_WORKLOAD} floor: ${floor.requestsPerSec.toFixed(1)} req/s, p50 ${floor.latencyMs.p50.toFixed(2)} ms, ` +
      `p99 ${floor.latencyMs.p99.toFixed(2)} ms, ${floor.subgraphCalls} subgraph calls per request, ${floor.errors} errors` +
      (floor.firstError ? ` (first: ${floor.firstError})` : ""),
  );
  return floor;
}
