import type { LoadResult } from "../load";
import { scrapeAll, UsageTally } from "../metrics";
import { readProcessSnapshot } from "../peer";
import type { PeerRoundResult, PeerTarget, RoundSpec, RunContext } from "../types";
import { loadRound, type Slice } from "./round-load";
import { LoadTally } from "./slices";

/** What the peer is, as the results name it. */
export const PEER_NAME = "Hive Gateway (@graphql-hive/gateway)";

/** The peer's share of a round so far. */
export class PeerTally {
  readonly load = new LoadTally();
  readonly subgraphs = new UsageTally();
  private cpuSec: number | null = 0;
  private rssMb: number | null = null;

  noteProcess(before: ReturnType<typeof readProcessSnapshot>, after: ReturnType<typeof readProcessSnapshot>): void {
    this.cpuSec = before && after && this.cpuSec !== null ? this.cpuSec + after.cpuSeconds - before.cpuSeconds : null;
    this.rssMb = after ? after.rssBytes / 2 ** 20 : null;
  }

  result(): PeerRoundResult {
    return { ...this.load.result(), rssMb: this.rssMb, cpuSec: this.cpuSec, subgraphs: this.subgraphs.result() };
  }
}

/**
 * One slice of the peer gateway's round, with the same requests as ours. The peer serves no Prometheus `/metrics`,
 * so its RSS and CPU come from `/proc/<pid>`; the subgraphs' usage still comes from theirs.
 */
export async function runPeerSlice(
  run: RunContext,
  round: RoundSpec,
  peer: PeerTarget,
  slice: Slice,
  into: PeerTally,
): Promise<LoadResult> {
  const before = peer.pid === null ? null : readProcessSnapshot(peer.pid);
  const subgraphsBefore = await scrapeAll(peer.subgraphMetricsUrls, run.log);
  const load = await loadRound(run, round, peer.url, slice, into.load);
  const after = peer.pid === null ? null : readProcessSnapshot(peer.pid);
  const subgraphsAfter = await scrapeAll(peer.subgraphMetricsUrls, run.log);
  into.noteProcess(before, after);
  into.subgraphs.add(subgraphsBefore, subgraphsAfter, load.sent);
  return load;
}
