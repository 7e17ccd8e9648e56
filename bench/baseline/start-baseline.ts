import { launchSystem, type LaunchedSystem } from "../system";
import type { BaselineAbout } from "../types";
import { prepareBaseline } from "./worktree";

/** The baseline running: its launcher's processes, and what to record about it. */
export interface RunningBaseline {
  system: LaunchedSystem;
  about: BaselineAbout;
  /** Its gateway's and subgraphs' `/metrics`, as ours (the version before access control served them too). */
  metricsUrls: Record<string, string>;
}

/**
 * Prepares `--baseline <ref>` (worktree, install, build) and starts it with its own launcher on free ports, with its
 * own data directory (`.data/baseline-<sha>/data`, seeded with `participants` on its first start) and PostgreSQL.
 */
export async function startBaseline(ref: string, participants: number, log: (line: string) => void): Promise<RunningBaseline> {
  const prepared = await prepareBaseline(ref, log);
  log(`starting the baseline (${prepared.shortSha}: node dist/scripts/start.js of its worktree) with ${participants} participants`);
  const system = await launchSystem({ root: prepared.src, dataDir: prepared.data, participants });
  log(`baseline answering at ${system.gatewayUrl}`);
  const gatewayMetrics = new URL(system.gatewayUrl);
  gatewayMetrics.pathname = "/metrics";
  return {
    system,
    about: { ref, sha: prepared.sha, install: prepared.install, reason: prepared.reason },
    metricsUrls: { gateway: gatewayMetrics.toString(), ...system.subgraphMetricsUrls },
  };
}
