import { runBench } from "./bench";
import { parseCli, USAGE } from "./options";
import { writeResults } from "./output";
import { defaultSubgraphMetricsUrls, launchSystem, type LaunchedSystem } from "./system";

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
  const onSignal = () => {
    log("interrupted; stopping");
    void (system?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    let gatewayUrl: string;
    let subgraphMetricsUrls: Record<string, string>;
    if (options.reuse) {
      gatewayUrl = options.reuse;
      subgraphMetricsUrls = defaultSubgraphMetricsUrls(gatewayUrl);
    } else {
      log("starting the system (node dist/scripts/start.js)");
      system = await launchSystem();
      gatewayUrl = system.gatewayUrl;
      subgraphMetricsUrls = system.subgraphMetricsUrls;
    }
    const results = await runBench({
      gatewayUrl,
      subgraphMetricsUrls,
      durationSec: options.durationSec,
      warmupSec: options.warmupSec,
      connections: options.connections,
      workloads: options.workloads,
      log,
    });
    const written = writeResults(results, options.outDir);
    process.stdout.write(`\n${written.markdown}\n`);
    log(`wrote ${written.json}, ${written.markdownPath}, ${written.svgPath}`);
    const errors = results.rounds.reduce((sum, round) => sum + round.errors.total, 0);
    if (errors > 0) log(`${errors} requests failed; see the errors column`);
  } finally {
    if (system) {
      log("stopping the system");
      await system.stop();
    }
  }
}

main().catch((error: Error) => {
  log(error.message);
  if (/^Unknown option|must be|unknown workload/.test(error.message)) console.error(USAGE);
  process.exit(1);
});
