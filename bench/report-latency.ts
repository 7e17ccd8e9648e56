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

/** The breakdown's latency: the first request, breakdowns not asked before (computed), and one asked again. */
export interface BreakdownLatency {
  /** The first ProgramBreakdown after the system started, by offices × tracks (the largest). */
  firstMs: number;
  /** Median over every other year × choice, each asked once: no cached answer, the figures read each time. */
  uncachedP50Ms: number;
  uncachedMaxMs: number;
  /** Median of `samples` sequential requests of one breakdown after as many unmeasured ones (warm: the gateway's cache). */
  warmP50Ms: number;
  samples: number;
  /** Whether the gateway's report cache was on (so that "asked again" was a hit); absent: not known. */
  reportCache?: boolean;
}

/**
 * Times programBreakdown through the gateway. Targets (issue 11): ≤ 1 s cold and ≤ 100 ms warm at 1,000,000
 * participants. `choices` are the `by` lists of the workload; each year × choice but the first is asked once.
 */
export async function measureBreakdownLatency(
  gateway: GatewayEndpoint,
  contract: string,
  choices: ReadonlyArray<readonly string[]>,
  years: readonly number[] = [2021, 2022, 2023],
  samples = 20,
): Promise<BreakdownLatency> {
  const ask = (year: number, by: readonly string[]) => () => queryGateway(gateway, contract, { year, by }, "ProgramBreakdown");
  const largest = choices[choices.length - 1];
  const firstMs = await timed(ask(2022, largest));
  const uncached: number[] = [];
  for (const year of years) for (const by of choices) if (!(year === 2022 && by === largest)) uncached.push(await timed(ask(year, by)));
  for (let i = 0; i < samples; i++) await ask(2022, largest)();
  const warm: number[] = [];
  for (let i = 0; i < samples; i++) warm.push(await timed(ask(2022, largest)));
  const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  return { firstMs, uncachedP50Ms: p50(uncached), uncachedMaxMs: Math.max(...uncached), warmP50Ms: p50(warm), samples };
}
