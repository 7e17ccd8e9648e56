import type { LoadResult } from "../load";
import type { BaselineTarget, Contender, OurTarget, PeerTarget, RoundResult, RoundSpec, RunContext } from "../types";
import { describeLoad } from "./after-round";
import { OurTally, runOurSlice } from "./our-round";
import { PeerTally, runPeerSlice } from "./peer-round";
import { sliceDurations, sliceOrder } from "./slices";

/**
 * The order of the gateways in round `index`: ours, the peer, the baseline (those present), rotated by one place per
 * round, so that drift of the machine hits each. With ours and the peer only: ours first in even rounds.
 */
export function roundOrder(index: number, present: { peer: boolean; baseline: boolean }): Contender[] {
  const all: Contender[] = ["ours", ...(present.peer ? (["peer"] as const) : []), ...(present.baseline ? (["baseline"] as const) : [])];
  return sliceOrder(all, index);
}

/**
 * One workload at one concurrency: our round and, with a peer and/or a baseline, theirs, with the same requests (the
 * baseline's alike, from its own fixtures). The round's time is cut into slices of about 2 s (bench/rounds/slices.ts)
 * in which the gateways take turns, the round's order ({@link roundOrder}) rotated by one place per slice; each
 * gateway's figures are taken over all of its slices.
 */
export async function runRound(
  run: RunContext,
  round: RoundSpec,
  index: number,
  ours: OurTarget,
  peer?: PeerTarget,
  baseline?: BaselineTarget,
): Promise<RoundResult> {
  const sequence = roundOrder(index, { peer: Boolean(peer), baseline: Boolean(baseline) });
  const our = new OurTally();
  const peerTally = new PeerTally();
  const baselineTally = new OurTally();
  const baselineRun = baseline && { ...run, fixtures: baseline.fixtures };
  const sliceRatios: number[] = [];
  const durations = sliceDurations(run.durationSec);
  for (const [sliceIndex, durationSec] of durations.entries()) {
    const slice = { index: sliceIndex, durationSec };
    const loads: Partial<Record<Contender, LoadResult>> = {};
    for (const who of sliceOrder(sequence, sliceIndex)) {
      if (who === "ours") loads.ours = await runOurSlice(run, round, ours, slice, our);
      if (who === "peer" && peer) loads.peer = await runPeerSlice(run, round, peer, slice, peerTally);
      if (who === "baseline" && baseline && baselineRun) await runOurSlice(baselineRun, round, baseline, slice, baselineTally);
    }
    if (loads.ours && loads.peer?.requestsPerSec) sliceRatios.push(loads.ours.requestsPerSec / loads.peer.requestsPerSec);
  }
  const load = our.load.result();
  const peerResult = peer ? peerTally.result() : undefined;
  const baselineLoad = baseline ? baselineTally.load.result() : undefined;
  const name = round.workload.name;
  run.log(`${name} ×${round.connections}: ${describeLoad(load)}`);
  if (peerResult) run.log(`${name} ×${round.connections} peer: ${describeLoad(peerResult)}`);
  if (baselineLoad) run.log(`${name} ×${round.connections} baseline: ${describeLoad(baselineLoad)}`);
  const oursFirst = sequence.indexOf("ours") < sequence.indexOf("peer");
  return {
    workload: name,
    connections: round.connections,
    ...load,
    services: our.services.result(),
    slices: durations.length,
    ...(peerResult
      ? { peer: peerResult, order: oursFirst ? ("ours-first" as const) : ("peer-first" as const), peerSliceRatios: sliceRatios }
      : {}),
    ...(baselineLoad ? { baseline: { ...baselineLoad, services: baselineTally.services.result() }, sequence } : {}),
  };
}
