import type autocannon from "autocannon";
import { benchTool } from "./tools";
import { onlyPolicyOutcomes } from "./policy-outcomes";

/** Errors of one round, by kind; `total` is what the report shows. */
export interface RoundErrors {
  total: number;
  /** Responses with an HTTP status outside 2xx. */
  non2xx: number;
  /** Requests unanswered within the timeout. */
  timeouts: number;
  /** Other connection errors (refused, reset). */
  connection: number;
  /** 2xx responses whose JSON carries `errors` (or no `data`, or does not parse). */
  graphql: number;
  /** The first failing response body, shortened, to tell what went wrong. */
  firstError?: string;
}

/** What the load generator measured in one round. */
export interface LoadResult {
  durationSec: number;
  /** Completed requests (any status). */
  requests: number;
  /** Requests sent: the completed ones plus those still in flight when the round ended (the system finishes them). */
  sent: number;
  requestsPerSec: number;
  /** Latency of completed requests (any status), in milliseconds. */
  latencyMs: { p50: number; p95: number; p99: number; mean: number; max: number };
  errors: RoundErrors;
}

/** One round: `connections` clients each keep one request in flight for `durationSec`. */
export interface LoadOptions {
  url: string;
  connections: number;
  durationSec: number;
  /** Sent with every request besides the content type: the benchmark's `authorization`. */
  headers: Readonly<Record<string, string>>;
  /** The body of the next request. */
  nextBody: () => string;
  /** Seconds before an unanswered request counts as a timeout (default 10). */
  timeoutSec?: number;
  /** Also receives every completed request's latency (ms), for figures over several loads (bench/rounds/slices.ts). */
  latencies?: number[];
}

/** Every this many 2xx responses, the body is fully parsed as JSON instead of only scanned for `"errors":`. */
const PARSE_EVERY = 25;

/**
 * Whether a GraphQL response body succeeded: it has `data` and no `errors` other than the policies' answers
 * (`"errors":` cannot occur inside a JSON string, where quotes are escaped, so a body without it needs no parsing).
 * With `parse`, the body must also parse as JSON.
 */
export function isGoodBody(body: string, parse: boolean): boolean {
  if (!body.includes('"data":')) return false;
  const hasErrors = body.includes('"errors":');
  if (!parse && !hasErrors) return true;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: unknown };
    return parsed.data != null && onlyPolicyOutcomes(parsed.errors);
  } catch {
    return false;
  }
}

/** The value at quantile `q` of ascending `sorted` values (nearest rank), 0 for none. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** Latency figures of a round from its latencies sorted ascending (ms): the same summary for every kind of round. */
export function latencySummary(sorted: readonly number[]): LoadResult["latencyMs"] {
  const requests = sorted.length;
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    p99: quantile(sorted, 0.99),
    mean: requests ? sorted.reduce((sum, value) => sum + value, 0) / requests : 0,
    max: sorted[requests - 1] ?? 0,
  };
}

/** Runs one round of POST requests with autocannon and summarizes it. */
export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let goodResponses = 0;
  let firstError: string | undefined;
  const request: autocannon.Request = {
    method: "POST",
    setupRequest: (req) => ({ ...req, body: options.nextBody() }),
    onResponse: (status, body) => {
      const ok = status >= 200 && status < 300;
      if (ok && isGoodBody(body, goodResponses % PARSE_EVERY === 0)) {
        goodResponses++;
        return;
      }
      if (ok) graphqlErrors++;
      firstError ??= `HTTP ${status}: ${body.slice(0, 300)}`;
    },
  };
  // loaded here rather than at the top so that the pure helpers of this file work without bench/tools installed
  const runAutocannon = benchTool("autocannon");
  return new Promise((resolve, reject) => {
    const instance = runAutocannon(
      {
        url: options.url,
        connections: options.connections,
        duration: options.durationSec,
        timeout: options.timeoutSec ?? 10,
        // setupRequest keeps these: each request differs only in its body
        headers: { ...options.headers, "content-type": "application/json" },
        requests: [request],
      },
      (error: unknown, result: autocannon.Result) => {
        if (error) return reject(error instanceof Error ? error : new Error("autocannon failed", { cause: error }));
        latencies.sort((a, b) => a - b);
        if (options.latencies) for (const latency of latencies) options.latencies.push(latency);
        const requests = latencies.length;
        const durationSec = result.duration;
        const connection = result.errors - result.timeouts;
        resolve({
          durationSec,
          requests,
          sent: Math.max(requests, result.requests.sent),
          requestsPerSec: durationSec > 0 ? requests / durationSec : 0,
          latencyMs: latencySummary(latencies),
          errors: {
            total: result.non2xx + result.errors + graphqlErrors,
            non2xx: result.non2xx,
            timeouts: result.timeouts,
            connection,
            graphql: graphqlErrors,
            ...(firstError ? { firstError } : {}),
          },
        });
      },
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}
