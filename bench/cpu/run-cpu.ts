import { baselineBeside } from "../baseline/beside";
import { startBaseline, type RunningBaseline } from "../baseline/start-baseline";
import { loadFixtures, type Fixtures } from "../fixtures";
import { authorizationHeaders } from "../gateway-client";
import { launcherCounselorToken } from "../launcher-token";
import { runLoad } from "../load";
import { launchSystem, type LaunchedSystem } from "../system";
import { parseWorkloadNames, readContract, requestBodies, WORKLOADS } from "../workloads";
import { aboutAblations, ablationEnv, parseAblations } from "./ablations/ablations";
import { cpuBetween, processTable } from "./process-cpu";

/**
 * `npm run measure:cpu -- [workload] [connections] [baseline ref] [--without <part>,…]` (default Caseload 16 e185dc0): where a request's
 * CPU goes, ours against the version before access control, every process read from `/proc` — the gateway, each
 * subgraph and PostgreSQL, which the benchmark's `/metrics` do not cover. Both systems run at once on their own data;
 * after a 5 s warm-up each, the load alternates between them in 10 s blocks (ours, baseline, baseline, ours, ours,
 * baseline), each block pair with the same requests, and CPU milliseconds per completed request are summed by service.
 * With `--without access-log` (or `resilience`, or both, comma-separated), ours runs with those parts taken out
 * (ablations/), to tell their share of the cost.
 */
const log = (line: string) => process.stderr.write(`[cpu] ${line}\n`);

async function main(): Promise<void> {
  const { parts: without, rest } = parseAblations(process.argv.slice(2));
  const [workloadName = "Caseload", connectionsArg = "16", ref = "e185dc0"] = rest;
  const workload = WORKLOADS[parseWorkloadNames([workloadName])[0]];
  const connections = Number(connectionsArg);
  let system: LaunchedSystem | undefined;
  let baseline: RunningBaseline | undefined;
  try {
    // its report cache off, as in the benchmark
    system = await launchSystem(without.length ? { env: ablationEnv(without) } : {});
    if (without.length) log(`ours: ${aboutAblations(without)}`);
    baseline = await startBaseline(ref, 20_000, log);
    const { token } = await launcherCounselorToken({ ...process.env, ...system.env });
    const headers = authorizationHeaders(token);
    const fixtures = await loadFixtures({ url: system.gatewayUrl, headers });
    const beside = await baselineBeside(
      { url: baseline.system.gatewayUrl, metricsUrls: baseline.metricsUrls, about: baseline.about },
      fixtures,
      { url: system.gatewayUrl, token },
      log,
    );
    const sides: Record<"ours" | "baseline", { url: string; fixtures: Fixtures }> = {
      ours: { url: system.gatewayUrl, fixtures: beside.ours },
      baseline: { url: beside.target.url, fixtures: beside.target.fixtures },
    };
    const totals = { ours: { requests: 0, cpu: new Map<string, number>() }, baseline: { requests: 0, cpu: new Map<string, number>() } };
    const contract = readContract();
    const blocks = ["ours", "baseline", "ours", "baseline", "baseline", "ours", "ours", "baseline"] as const;
    for (const [index, who] of blocks.entries()) {
      const warmUp = index < 2;
      const nextBody = requestBodies(workload, sides[who].fixtures, contract, `cpu/${Math.floor(index / 2)}`);
      const before = processTable();
      const load = await runLoad({ url: sides[who].url, connections, durationSec: warmUp ? 5 : 10, headers, nextBody });
      await new Promise((resolve) => setTimeout(resolve, 500)); // the requests autocannon dropped finish
      const used = cpuBetween(before, processTable());
      log(`${who}${warmUp ? " (warm-up)" : ""}: ${load.requestsPerSec.toFixed(1)} req/s, ${load.errors.total} errors`);
      if (warmUp) continue;
      totals[who].requests += load.requests;
      for (const [service, sec] of used)
        if (service.startsWith(`${who} `)) totals[who].cpu.set(service, (totals[who].cpu.get(service) ?? 0) + sec);
    }
    const variant = without.length ? ` (ours: ${aboutAblations(without)})` : "";
    console.log(`${workload.name} at ${connections} connections${variant}, CPU ms per completed request:`);
    for (const [who, { requests, cpu }] of Object.entries(totals)) {
      const perRequest = [...cpu].map(([service, sec]) => [service.split(" ")[1], (sec * 1000) / requests] as const).sort();
      const sum = perRequest.reduce((total, [, ms]) => total + ms, 0);
      console.log(
        `- ${who} (${requests} requests): ${perRequest.map(([s, ms]) => `${s} ${ms.toFixed(2)}`).join(", ")}; total ${sum.toFixed(2)}`,
      );
    }
  } finally {
    await Promise.all([system?.stop(), baseline?.system.stop()]);
  }
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
