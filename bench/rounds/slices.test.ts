import type { LoadResult } from "../load";
import { LoadTally, sliceDurations, sliceOrder } from "./slices";

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
});
