import type { OurTarget, PeerTarget, RoundResult, RoundSpec, RunContext } from "../types";
import { describeLoad } from "./after-round";
import { runOurRound } from "./our-round";
import { runPeerRound } from "./peer-round";

/**
 * One workload at one concurrency: our round and, with a peer, the peer's, back to back with the same requests.
 * Ours goes first in even rounds (`index`) and the peer in odd ones, so that drift of the machine hits both.
 */
export async function runRound(run: RunContext, round: RoundSpec, index: number, ours: OurTarget, peer?: PeerTarget): Promise<RoundResult> {
  const oursFirst = index % 2 === 0;
  let peerResult = peer && !oursFirst ? await runPeerRound(run, round, peer) : undefined;
  const our = await runOurRound(run, round, ours);
  if (peer && oursFirst) peerResult = await runPeerRound(run, round, peer);
  const name = round.workload.name;
  run.log(`${name} ×${round.connections}: ${describeLoad(our.load)}`);
  if (peerResult) run.log(`${name} ×${round.connections} peer: ${describeLoad(peerResult)}`);
  return {
    workload: name,
    connections: round.connections,
    ...our.load,
    services: our.services,
    ...(peerResult ? { peer: peerResult, order: oursFirst ? ("ours-first" as const) : ("peer-first" as const) } : {}),
  };
}
