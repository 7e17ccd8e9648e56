import type { SubgraphName } from "@subgraphs/registry";
import { runBench } from "./bench";
import { startBaseline, type RunningBaseline } from "./baseline/start-baseline";
import { authorizationHeaders } from "./gateway-client";
import { launcherCounselorToken } from "./launcher-token";
import { parseCli, USAGE } from "./options";
import { writeResults } from "./output";
import { startPeer, type RunningPeer } from "./peer";
import { defaultSubgraphMetricsUrls, defaultSubgraphUrls, launchSystem, type LaunchedSystem } from "./system";
import { runWritePhase } from "./writes/write-phase";

/**
 * `npm run bench`: starts the platform (or uses a running one with `--reuse`), runs every workload at every
 * concurrency, writes `bench/results/<timestamp>.json`, `latest.json`, `latest.md` and `latest.svg`, and prints the
 * Markdown on stdout (progress goes to stderr).
 */
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

async function main(): Promise<void> {
  const options = parseCli(process.argv.slice(2));
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  let system: LaunchedSystem | null = null;
  let peer: RunningPeer | null = null;
  let baseline: RunningBaseline | null = null;
  const onSignal = () => {
    log("interrupted; stopping");
    void Promise.all([peer?.stop(), system?.stop(), baseline?.system.stop()]).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let gatewayUrl: string;
    let subgraphMetricsUrls: Record<string, string>;
    let subgraphUrls: Record<SubgraphName, string>;
    // parseCli insists on --token / BENCH_TOKEN with --reuse; a started system's is signed below when none is given
    let token = options.token;
    if (options.reuse) {
      gatewayUrl = options.reuse;
      subgraphMetricsUrls = defaultSubgraphMetricsUrls(gatewayUrl);
      subgraphUrls = defaultSubgraphUrls(gatewayUrl);
    } else {
      log(`starting the system (node dist/scripts/start.js) with ${options.participants} participants`);
      system = await launchSystem({
        participants: options.participants,
        ...(options.reportCache ? { env: { REPORT_CACHE: "true" } } : {}),
      });
      log(`the gateway's report cache is ${options.reportCache ? "on (--report-cache)" : "off"}`);
      gatewayUrl = system.gatewayUrl;
      subgraphMetricsUrls = system.subgraphMetricsUrls;
      subgraphUrls = system.subgraphUrls;
      if (token === null) {
        const signed = await launcherCounselorToken({ ...process.env, ...system.env });
        token = signed.token;
        log(`every request carries the token of ${signed.who}, signed with the launcher's keys`);
      }
    }
    if (token === null) throw new Error("no token: --reuse must be given one with --token or BENCH_TOKEN");
    if (options.token !== null) log("every request carries the token of --token / BENCH_TOKEN");
    if (options.peer) {
      log("starting the peer gateway (node dist/bench/peer/hive-gateway.js)");
      peer = await startPeer(subgraphUrls, { headers: authorizationHeaders(token) }).catch((error: Error) => {
        throw new Error(`${error.message} (--no-peer runs without it)`);
      });
      log(`peer gateway answering at ${peer.url} (pid ${peer.pid})`);
    }
    if (options.baseline) baseline = await startBaseline(options.baseline, options.participants, log);
    const results = await runBench({
      gatewayUrl,
      subgraphMetricsUrls,
      subgraphUrls,
      token,
      ...(peer ? { peer: { url: peer.url, pid: peer.pid } } : {}),
      ...(baseline ? { baseline: { url: baseline.system.gatewayUrl, metricsUrls: baseline.metricsUrls, about: baseline.about } } : {}),
      seededParticipants: options.reuse ? null : options.participants,
      ...(options.reuse ? {} : { reportCache: options.reportCache }),
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      connections: options.connections,
      workloads: options.workloads,
      soakMinutes: options.soakMinutes,
      ...(options.frozenSec > 0
        ? { frozen: { seconds: options.frozenSec, subgraph: options.frozenSubgraph, subgraphUrl: subgraphUrls[options.frozenSubgraph] } }
        : {}),
      log,
    });
    if (options.writes && system) {
      // the write phase copies the seeded databases, which the read system must have let go of first
      const launched = system;
      system = null;
      await peer?.stop();
      peer = null;
      await launched.stop();
      results.writes = await runWritePhase({ launcherEnv: launched.env, participants: options.participants, sizes: options.writes, log });
    } else if (options.reuse) {
      log("no write phase with --reuse: it writes to a copy of the databases of a system the harness starts");
    }
    const written = writeResults(results, options.outDir);
    process.stdout.write(`\n${written.markdown}\n`);
    log(`wrote ${written.json}, ${written.markdownPath}, ${written.svgPath}`);
    const errors = results.rounds.reduce((sum, round) => sum + round.errors.total, 0);
    if (errors > 0) log(`${errors} requests failed; see the errors column`);
    const peerErrors = results.rounds.reduce((sum, round) => sum + (round.peer?.errors.total ?? 0), 0);
    if (peerErrors > 0) log(`${peerErrors} requests to the peer failed; see the peer table`);
  } finally {
    if (peer) {
      log("stopping the peer gateway");
      await peer.stop();
    }
    if (baseline) {
      log("stopping the baseline");
      await baseline.system.stop();
    }
    if (system) {
      log("stopping the system");
      await system.stop();
    }
  }
}

main().catch((error: Error) => {
  log(error.message);
  if (/^Unknown option|must be|must not be|unknown workload/.test(error.message)) console.error(USAGE);
  process.exit(1);
});
