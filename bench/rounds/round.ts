import type { BaselineTarget, Contender, OurTarget, PeerTarget, RoundResult, RoundSpec, RunContext } from "../types";
import { describeLoad } from "./after-round";
import { runOurRound } from "./our-round";
import { runPeerRound } from "./peer-round";

/**
 * The order of the gateways in round `index`: ours, the peer, the baseline (those present), rotated by one place per
 * round, so that drift of the machine hits each. With ours and the peer only: ours first in even rounds.
 */
export function roundOrder(index: number, present: { peer: boolean; baseline: boolean }): Contender[] {
  const all: Contender[] = ["ours", ...(present.peer ? (["peer"] as const) : []), ...(present.baseline ? (["baseline"] as const) : [])];
  const shift = index % all.length;
  return [...all.slice(shift), ...all.slice(0, shift)];
}

/**
 * One workload at one concurrency: our round and, with a peer and/or a baseline, theirs, back to back with the same
 * requests (the baseline's alike, from its own fixtures), in the order of {@link roundOrder}.
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
  let our: Awaited<ReturnType<typeof runOurRound>> | undefined;
  let peerResult: Awaited<ReturnType<typeof runPeerRound>> | undefined;
  let baselineResult: Awaited<ReturnType<typeof runOurRound>> | undefined;
  for (const who of sequence) {
    if (who === "ours") our = await runOurRound(run, round, ours);
    if (who === "peer" && peer) peerResult = await runPeerRound(run, round, peer);
    if (who === "baseline" && baseline) baselineResult = await runOurRound({ ...run, fixtures: baseline.fixtures }, round, baseline);
  }
  if (!our) throw new Error("our round did not run");
  const name = round.workload.name;
  run.log(`${name} ×${round.connections}: ${describeLoad(our.load)}`);
  if (peerResult) run.log(`${name} ×${round.connections} peer: ${describeLoad(peerResult)}`);
  if (baselineResult) run.log(`${name} ×${round.connections} baseline: ${describeLoad(baselineResult.load)}`);
  const oursFirst = sequence.indexOf("ours") < sequence.indexOf("peer");
  return {
    workload: name,
    connections: round.connections,
    ...our.load,
    services: our.services,
    ...(peerResult ? { peer: peerResult, order: oursFirst ? ("ours-first" as const) : ("peer-first" as const) } : {}),
    ...(baselineResult ? { baseline: { ...baselineResult.load, services: baselineResult.services }, sequence } : {}),
  };
}
