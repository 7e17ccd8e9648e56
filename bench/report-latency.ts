import { queryGateway, type GatewayEndpoint } from "./gateway-client";

/** The national report's latency: the first request the system sees, then the steady state. */
export interface ReportLatency {
  year: number;
  /** The first ProgramReport after the system started (cold: nothing planned, cached or warmed yet). */
  firstMs: number;
  /**
   * Median of `samples` sequential requests after as many unmeasured ones (warm: code compiled, connections open;
   * there is no response cache, the figures are read each time).
   */
  warmP50Ms: number;
  samples: number;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

/**
 * Times the national ProgramReport for `year` through the gateway: once cold, then, after a warm-up, `samples`
 * times one after another. Targets (issue: speed at national scale): ≤ 1 s cold, ≤ 50 ms warm.
 */
export async function measureReportLatency(gateway: GatewayEndpoint, contract: string, year = 2022, samples = 20): Promise<ReportLatency> {
  const run = () => queryGateway(gateway, contract, { year }, "ProgramReport");
  const firstMs = await timed(run);
  for (let i = 0; i < samples; i++) await run();
  const warm: number[] = [];
  for (let i = 0; i < samples; i++) warm.push(await timed(run));
  warm.sort((a, b) => a - b);
  return { year, firstMs, warmP50Ms: warm[Math.floor(warm.length / 2)], samples };
}
