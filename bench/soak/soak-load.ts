import type autocannon from "autocannon";
import { isGoodBody, latencySummary, type LoadResult } from "../load";
import { benchTool } from "../tools";

/** One slice of a long run (~10 s): what was answered in it. */
export interface LoadWindow {
  /** Seconds from the start of the run to the end of the slice. */
  atSec: number;
  requests: number;
  errors: number;
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** A long closed-loop load: its overall figures and the same per slice. */
export interface LongLoadResult {
  overall: LoadResult;
  windows: LoadWindow[];
}

export interface LongLoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  headers: Readonly<Record<string, string>>;
  nextBody: () => string;
  windowSec: number;
  /** Called at the end of every slice (the RSS sampler runs then, so its curve and the load's line up). */
  onWindow?: (atSec: number) => void;
}

/** How often the body of a good answer is fully parsed (as in load.ts): the rest are scanned for `"errors":`. */
const PARSE_EVERY = 25;

/**
 * Runs one autocannon load for the whole duration (no pause between slices: a soak must not let the system rest) and
 * cuts its answers into slices of `windowSec` by arrival time.
 */
export function runLongLoad(options: LongLoadOptions): Promise<LongLoadResult> {
  const started = performance.now();
  const all: number[] = [];
  const slices: Array<{ latencies: number[]; errors: number }> = [];
  const slice = () => (slices[Math.floor((performance.now() - started) / 1000 / options.windowSec)] ??= { latencies: [], errors: 0 });
  let good = 0;
  let graphqlErrors = 0;
  let firstError: string | undefined;
  const request: autocannon.Request = {
    method: "POST",
    setupRequest: (req) => ({ ...req, body: options.nextBody() }),
    onResponse: (status, body) => {
      const ok = status >= 200 && status < 300;
      if (ok && isGoodBody(body, good % PARSE_EVERY === 0)) {
        good++;
        return;
      }
      if (ok) graphqlErrors++;
      slice().errors++;
      firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
    },
  };
  const ticker = setInterval(() => options.onWindow?.((performance.now() - started) / 1000), options.windowSec * 1000);
  return new Promise((resolve, reject) => {
    const instance = benchTool("autocannon")(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSec,
        timeout: 10,
        headers: { ...options.headers, "content-type": "application/json" },
        requests: [request],
      },
      (error: unknown, result: autocannon.Result) => {
        clearInterval(ticker);
        if (error) return reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }));
        all.sort((a, b) => a - b);
        const windows = summarizeWindows(slices, options.windowSec);
        resolve({
          overall: {
            durationSec: result.duration,
            requests: all.length,
            sent: Math.max(all.length, result.requests.sent),
            requestsPerSec: result.duration > 0 ? all.length / result.duration : 0,
            latencyMs: latencySummary(all),
            errors: {
              total: result.non2xx + result.errors + graphqlErrors,
              non2xx: result.non2xx,
              timeouts: result.timeouts,
              connection: result.errors - result.timeouts,
              graphql: graphqlErrors,
              ...(firstError ? { firstError } : {}),
            },
          },
          windows,
        });
      },
    );
    // refused, reset or timed out: no response, but an error of its slice all the same
    instance.on("reqError", () => slice().errors++);
    instance.on("response", (_client, _status, _bytes, ms) => {
      all.push(ms);
      slice().latencies.push(ms);
    });
  });
}

/** Each slice's figures; a slice nothing arrived in counts as one with no requests. */
export function summarizeWindows(
  slices: ReadonlyArray<{ latencies: number[]; errors: number } | undefined>,
  windowSec: number,
): LoadWindow[] {
  return Array.from(slices, (s, i) => {
    const sorted = [...(s?.latencies ?? [])].sort((a, b) => a - b);
    const latency = latencySummary(sorted);
    return {
      atSec: (i + 1) * windowSec,
      requests: sorted.length,
      errors: s?.errors ?? 0,
      requestsPerSec: sorted.length / windowSec,
      p50Ms: latency.p50,
      p99Ms: latency.p99,
    };
  });
}
