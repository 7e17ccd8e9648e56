import type { SubgraphName } from "@subgraphs/registry";

/**
 * Node flags of each service, the same wherever it runs: the launcher (`npm start`, and so the benchmark), the
 * Dockerfile's default command, docker-compose.yml and the Kubernetes manifests (tests under test/deploy hold those
 * to these lists).
 *
 * The gateway's live data is small (~60 MB of heap under load); without a cap V8 lets the old generation grow to
 * several hundred MB before collecting it. A cap keeps its RSS bounded at a small cost in GC time.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ["--max-old-space-size=160"];

/**
 * The subgraphs' live heap under the benchmark's soak: job-centers about 80 MB (its old space swung 80–180 MB between
 * full collections, ProgramBreakdown's garbage), the others about 40 MB (up to 70). Uncapped, V8 grows each old
 * generation for minutes before it settles, and the RSS with it (+7–17 % from the soak's first minute to its last,
 * without any leak: the old space after each full collection stays flat). Capped, it settles at once. job-centers'
 * cap was checked at 1,000,000 participants (the breakdown and report workloads), where it answered without error.
 */
export const SUBGRAPH_NODE_FLAGS: Readonly<Record<SubgraphName, readonly string[]>> = {
  "job-centers": ["--max-old-space-size=192"],
  "local-job-centers": ["--max-old-space-size=96"],
  "saeil-centers": ["--max-old-space-size=96"],
  "welfare-partners": ["--max-old-space-size=96"],
};
