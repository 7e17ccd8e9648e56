import { parseCli } from "../options";
import { rssFlatness } from "./rss-curve";
import { summarizeWindows } from "./soak-load";
import { soakLines } from "./soak-report";
import type { SoakResult } from "./soak";

const sample = (atSec: number, gateway: number, jobs: number | null) => ({ atSec, rssMb: { gateway, "job-centers": jobs } });

describe("rssFlatness", () => {
  it("compares the first window's median with the last window's, per service", () => {
    const samples = [
      sample(0, 100, 50),
      sample(10, 110, 52),
      sample(20, 104, null),
      sample(30, 120, 60),
      sample(40, 112, 61),
      sample(50, 108, 62),
    ];
    const flat = rssFlatness(samples, 20);
    // gateway: first = median(100, 110, 104) = 104; last = median(120, 112, 108) = 112; max deviation 120 vs 104
    expect(flat.gateway).toEqual({ firstMb: 104, lastMb: 112, driftPct: (8 / 104) * 100, maxDeviationPct: (16 / 104) * 100, maxMb: 120 });
    // job-centers: its missing reading is skipped: first = median(50, 52) = 51, last = median(60, 61, 62) = 61
    expect(flat["job-centers"].firstMb).toBe(51);
    expect(flat["job-centers"].lastMb).toBe(61);
  });

  it("is empty without samples", () => {
    expect(rssFlatness([], 60)).toEqual({});
  });
});

describe("summarizeWindows", () => {
  it("gives each slice its requests, errors, rate and latency, and an empty slice zeros", () => {
    expect(summarizeWindows([{ latencies: [30, 10, 20, 40], errors: 1 }, undefined], 10)).toEqual([
      { atSec: 10, requests: 4, errors: 1, requestsPerSec: 0.4, p50Ms: 20, p99Ms: 40 },
      { atSec: 20, requests: 0, errors: 0, requestsPerSec: 0, p50Ms: 0, p99Ms: 0 },
    ]);
  });
});

describe("soak options", () => {
  it("soaks 10 minutes in a full run, not with --quick unless asked, and never with a negative length", () => {
    expect(parseCli([], {})).toMatchObject({ soakMinutes: 10 });
    expect(parseCli(["--quick"], {})).toMatchObject({ soakMinutes: 0 });
    expect(parseCli(["--quick", "--soak", "2"], {})).toMatchObject({ soakMinutes: 2 });
    expect(parseCli(["--soak", "0"], {})).toMatchObject({ soakMinutes: 0 });
    expect(() => parseCli(["--soak=-1"], {})).toThrow(/--soak must be 0 or more/);
  });
});

describe("soakLines", () => {
  it("reports errors, latency and each service's drift against the 10% target", () => {
    const soak = {
      minutes: 1,
      connections: 64,
      workloads: ["RegionDirectory"],
      load: {
        durationSec: 60,
        requests: 600,
        sent: 600,
        requestsPerSec: 10,
        latencyMs: { p50: 5, p95: 9, p99: 12, mean: 6, max: 20 },
        errors: { total: 0, non2xx: 0, timeouts: 0, connection: 0, graphql: 0 },
      },
      windows: summarizeWindows(
        Array.from({ length: 6 }, () => ({ latencies: [5, 12], errors: 0 })),
        10,
      ),
      rss: [sample(0, 100, 50), sample(60, 115, 51)],
      flatness: rssFlatness([sample(0, 100, 50), sample(60, 115, 51)], 20),
      comparedSec: 20,
      loadAverage: { start: 1.5, end: 2.25, max: 3 },
    } as SoakResult;
    const text = soakLines(soak, "latest-soak.svg").join("\n");
    expect(text).toContain("**0 errors**");
    expect(text).toContain("load average: 1.50 at the start, 2.25 at the end, 3.00 at most");
    expect(text).toContain("| gateway | 100.0 | 115.0 | 15.0 | 15.0 | 115.0 | **no** |");
    expect(text).toContain("| job-centers | 50.0 | 51.0 | 2.0 | 2.0 | 51.0 | yes |");
    expect(text).toContain("| 1 | 0.2 | 12.0 | 0 | 115.0 | 51.0 |");
    expect(text).not.toContain("warm-up before it");
  });

  it("reports the warm-up before the soak and what it added to every service's RSS", () => {
    const soak = {
      minutes: 1,
      connections: 64,
      workloads: ["RegionDirectory"],
      warmup: {
        seconds: 60,
        requests: 300,
        errors: 2,
        requestsPerSec: 5,
        p99Ms: 12,
        firstError: "HTTP 200: `x`",
        rssMbBefore: { gateway: 90, "job-centers": 40 },
      },
      load: { requests: 0, requestsPerSec: 0, latencyMs: { p50: 0, p95: 0, p99: 0, mean: 0, max: 0 }, errors: { total: 0 } },
      windows: [],
      rss: [sample(0, 100, 50)],
      flatness: {},
      comparedSec: 20,
      loadAverage: { start: 1, end: 1, max: 1 },
    } as unknown as SoakResult;
    expect(soakLines(soak, "latest-soak.svg")).toContain(
      "- warm-up before it (not measured): 60 s of the same mix at 64 connections, 300 requests, 5.0 req/s, p99 12.0 ms, " +
        "2 errors (first: `HTTP 200: 'x'`); RSS MB before → after it: gateway 90 → 100, job-centers 40 → 50",
    );
  });
});
