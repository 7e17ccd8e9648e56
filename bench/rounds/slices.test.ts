import type { LoadResult } from "../load";
import { LoadTally, sliceDurations, sliceOrder, UsageTally } from "./slices";

function load(durationSec: number, latencies: number[], errors = 0, firstError?: string): LoadResult {
  return {
    durationSec,
    requests: latencies.length,
    sent: latencies.length + 1,
    requestsPerSec: latencies.length / durationSec,
    latencyMs: { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 },
    errors: { total: errors, non2xx: errors, timeouts: 0, connection: 0, graphql: 0, ...(firstError ? { firstError } : {}) },
  };
}

describe("slices of a round", () => {
  it("cuts a round into turns of about 2 s, and keeps short rounds whole", () => {
    expect(sliceDurations(10)).toEqual([2, 2, 2, 2, 2]);
    expect(sliceDurations(5)).toEqual([2.5, 2.5]);
    expect(sliceDurations(2)).toEqual([2]);
    expect(sliceDurations(3)).toEqual([3]);
    expect(sliceDurations(1)).toEqual([1]);
  });

  it("rotates the order by one place per slice", () => {
    expect([0, 1, 2, 3].map((slice) => sliceOrder(["ours", "peer", "baseline"], slice))).toEqual([
      ["ours", "peer", "baseline"],
      ["peer", "baseline", "ours"],
      ["baseline", "ours", "peer"],
      ["ours", "peer", "baseline"],
    ]);
  });

  it("takes a gateway's slices together: requests over the summed time, percentiles over every request", () => {
    const tally = new LoadTally();
    tally.latencies.push(10, 20, 30);
    tally.add(load(2, [10, 20, 30]));
    tally.latencies.push(40);
    tally.add(load(2, [40], 1, "HTTP 503: busy"));
    expect(tally.result()).toEqual({
      durationSec: 4,
      requests: 4,
      sent: 6,
      requestsPerSec: 1,
      latencyMs: { p50: 20, p95: 40, p99: 40, mean: 25, max: 40 },
      errors: { total: 1, non2xx: 1, timeouts: 0, connection: 0, graphql: 0, firstError: "HTTP 503: busy" },
    });
  });

  it("refuses to sum no slice at all", () => {
    expect(() => new LoadTally().result()).toThrow("no slice was run");
  });

  it("sums each service's CPU and SQL over the slices only, and keeps the last RSS", () => {
    const tally = new UsageTally();
    const snap = (cpuSeconds: number, sqlStatements: number | null, rssMb: number) => ({
      cpuSeconds,
      sqlStatements,
      rssBytes: rssMb * 2 ** 20,
    });
    // the 100 s of CPU between the slices (another gateway's turn) must not count
    tally.add({ "job-centers": snap(1, 100, 50) }, { "job-centers": snap(3, 160, 60) }, 10);
    tally.add({ "job-centers": snap(103, 1160, 60) }, { "job-centers": snap(104, 1200, 70) }, 10);
    expect(tally.result()).toEqual({ "job-centers": { cpuSec: 3, sqlPerRequest: 5, rssMb: 70 } });
  });

  it("reports no figure for a service that did not report one in some slice", () => {
    const tally = new UsageTally();
    tally.add(
      { gateway: { cpuSeconds: 1, sqlStatements: null, rssBytes: null } },
      { gateway: { cpuSeconds: 2, sqlStatements: null, rssBytes: null } },
      5,
    );
    tally.add({ gateway: null }, { gateway: { cpuSeconds: 4, sqlStatements: null, rssBytes: null } }, 5);
    expect(tally.result()).toEqual({ gateway: { cpuSec: null, sqlPerRequest: null, rssMb: null } });
  });
});
