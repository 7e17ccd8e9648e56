import { runLoad, type LoadResult } from "../load";
import type { RoundSpec, RunContext } from "../types";
import { requestBodies } from "../workloads";
import { settle } from "./after-round";

/**
 * The load of one round against one gateway (ours or the peer), with the round's own sequence of requests, so both
 * gateways get the same ones; it returns once the requests still in flight have been finished by the system.
 */
export async function loadRound(run: RunContext, round: RoundSpec, url: string): Promise<LoadResult> {
  const nextBody = requestBodies(round.workload, run.fixtures, run.contract, round.label);
  const load = await runLoad({ url, connections: round.connections, durationSec: run.durationSec, headers: run.headers, nextBody });
  await settle(load);
  return load;
}
