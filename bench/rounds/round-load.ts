import { runLoad, type LoadResult } from "../load";
import type { RoundSpec, RunContext } from "../types";
import { requestBodies } from "../workloads";
import { settle } from "./after-round";
import type { LoadTally } from "./slices";

/** One slice of a round (bench/rounds/slices.ts): its place and length. */
export interface Slice {
  index: number;
  durationSec: number;
}

/**
 * The load of one slice of a round against one gateway (ours, the peer or the baseline), with the slice's own
 * sequence of requests, so every gateway gets the same ones; it returns once the requests still in flight have been
 * finished by the system. The slice is added to the gateway's `tally` of the round. The first slice's sequence is the
 * round's own (the floor's requests are the same).
 */
export async function loadRound(run: RunContext, round: RoundSpec, url: string, slice: Slice, tally: LoadTally): Promise<LoadResult> {
  const label = slice.index === 0 ? round.label : `${round.label}/${slice.index}`;
  const nextBody = requestBodies(round.workload, run.fixtures, run.contract, label);
  const load = await runLoad({
    url,
    connections: round.connections,
    durationSec: slice.durationSec,
    headers: run.headers,
    nextBody,
    latencies: tally.latencies,
  });
  tally.add(load);
  await settle(load);
  return load;
}
