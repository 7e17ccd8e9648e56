import { scrapeAll, usageBetween } from "../metrics";
import { readProcessSnapshot } from "../peer";
import type { PeerRoundResult, PeerTarget, RoundSpec, RunContext } from "../types";
import { loadRound } from "./round-load";

/** What the peer is, as the results name it. */
export const PEER_NAME = "Hive Gateway (@graphql-hive/gateway)";

/**
 * The peer gateway's round, with the same requests as ours. The peer serves no Prometheus `/metrics`, so its RSS
 * and CPU come from `/proc/<pid>`; the subgraphs' usage still comes from theirs.
 */
export async function runPeerRound(run: RunContext, round: RoundSpec, peer: PeerTarget): Promise<PeerRoundResult> {
  const before = peer.pid === null ? null : readProcessSnapshot(peer.pid);
  const subgraphsBefore = await scrapeAll(peer.subgraphMetricsUrls, run.log);
  const load = await loadRound(run, round, peer.url);
  const after = peer.pid === null ? null : readProcessSnapshot(peer.pid);
  const subgraphsAfter = await scrapeAll(peer.subgraphMetricsUrls, run.log);
  return {
    ...load,
    rssMb: after ? after.rssBytes / 2 ** 20 : null,
    cpuSec: before && after ? after.cpuSeconds - before.cpuSeconds : null,
    subgraphs: usageBetween(subgraphsBefore, subgraphsAfter, load.sent),
  };
}
