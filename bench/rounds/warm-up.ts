import { runLoad } from "../load";
import type { Fixtures } from "../fixtures";
import type { Contender, RunContext } from "../types";
import { requestBodies, type Workload } from "../workloads";
import { settle } from "./after-round";

/** Seconds of warm-up per workload and gateway when none is asked for (`--warmup`; `--quick` asks for 1). */
export const DEFAULT_WARMUP_SEC = 5;

/**
 * Warm-up runs at the rounds' highest concurrency, at most this many connections: every pool, cache of plans and
 * code path the measured rounds use is then warm before the first of them, without a long flood at high counts.
 */
export const MAX_WARMUP_CONNECTIONS = 64;

/** The concurrency of the warm-up for rounds at `connections`. */
export function warmupConnectionsFor(connections: readonly number[]): number {
  return Math.min(MAX_WARMUP_CONNECTIONS, Math.max(...connections));
}

/**
 * Runs `workload` unmeasured for `seconds` at `connections` against each target in turn (ours, then the peer, then
 * the baseline with its own fixtures), so that no gateway's first measured round pays for cold code, planning or
 * connection pools.
 */
export async function warmUp(
  run: RunContext,
  workload: Workload,
  targets: ReadonlyArray<{ who: Contender; url: string; fixtures?: Fixtures }>,
  seconds: number,
  connections: number,
): Promise<void> {
  for (const { who, url, fixtures } of targets) {
    run.log(`${workload.name}: warm-up ${seconds} s at ${connections} connections${targets.length > 1 ? ` (${who})` : ""}`);
    const nextBody = requestBodies(workload, fixtures ?? run.fixtures, run.contract, "warm-up");
    const warmup = await runLoad({ url, connections, durationSec: seconds, headers: run.headers, nextBody });
    if (warmup.errors.total) {
      run.log(`${workload.name}: ${warmup.errors.total} errors during ${who} warm-up (first: ${warmup.errors.firstError ?? "?"})`);
    }
    await settle(warmup);
  }
}
