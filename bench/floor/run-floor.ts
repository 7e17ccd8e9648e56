import { performance } from "node:perf_hooks";
import type { PlanNode, QueryPlan } from "@apollo/query-planner";
import { latencySummary, quantile, type LoadResult } from "../load";
import { executePlan } from "./execute";
import { httpSubgraphCall } from "./http-call";
import { planFetches } from "./plan";

/**
 * The floor: what an operation costs without any gateway. Its query plan (`plan.ts`) is executed directly against
 * the subgraphs (`execute.ts`) with our gateway's HTTP client (`http-call.ts`). What is left is the subgraphs' own
 * time plus the HTTP calls, so that gateway latency / floor latency is the gateway's own overhead.
 */

type Json = Record<string, unknown>;

/** What the floor measured: the plan executed one request at a time for a round's duration. */
export interface FloorResult extends Omit<LoadResult, "errors"> {
  workload: string;
  connections: 1;
  /** Subgraph calls per request (the plan's fetches). */
  subgraphCalls: number;
  /** Requests with a subgraph error or a failed call. */
  errors: number;
  firstError?: string;
  /** The HTTP client the floor used. */
  client: string;
  /**
   * The same requests through the gateway, interleaved one by one with the floor's (gateway, floor, gateway, …), so
   * that machine drift hits both: the fair basis for the overhead ratio. Absent when no gateway was given.
   */
  interleavedGatewayLatencyMs?: { p50: number; p95: number; p99: number };
}

export const FLOOR_CLIENT = "node:http keep-alive agent (gateway/src/subgraph-fetcher.ts, as our gateway)";

/** The gateway's entry among the subgraph URLs, so that one keep-alive client serves both (no extra sockets). */
const GATEWAY_NAME = "(gateway)";

/**
 * Runs the plan at concurrency 1 for `durationSec`, each request with the next variables, and summarizes it like
 * a load round.
 */
export async function runFloor(options: {
  workload: string;
  plan: QueryPlan;
  subgraphUrls: Readonly<Record<string, string>>;
  /** Sent with every request, to the subgraphs and to the gateway: the benchmark's `authorization`. */
  headers: Readonly<Record<string, string>>;
  durationSec: number;
  nextVariables: () => Json;
  /** Also send each request through this gateway (with `body(variables)`) just before its floor run. */
  gateway?: { url: string; body: (variables: Json) => { query: string; variables: Json; operationName?: string } };
}): Promise<FloorResult> {
  const { call, close } = httpSubgraphCall(
    options.gateway ? { ...options.subgraphUrls, [GATEWAY_NAME]: options.gateway.url } : options.subgraphUrls,
    options.headers,
  );
  const gatewayLatencies: number[] = [];
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const end = started + options.durationSec * 1000;
  try {
    while (performance.now() < end) {
      const variables = options.nextVariables();
      if (options.gateway) {
        const g0 = performance.now();
        // the gateway's errors are the gateway rounds' business; here only its latency counts
        await call(GATEWAY_NAME, options.gateway.body(variables)).catch(() => undefined);
        gatewayLatencies.push(performance.now() - g0);
      }
      const t0 = performance.now();
      try {
        const result = await executePlan(options.plan, variables, call);
        if (result.errors.length) {
          errors++;
          firstError ??= result.errors.join("; ").slice(0, 300);
        }
      } catch (error) {
        errors++;
        firstError ??= (error as Error).message.slice(0, 300);
      }
      latencies.push(performance.now() - t0);
    }
  } finally {
    close();
  }
  const durationSec = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  gatewayLatencies.sort((a, b) => a - b);
  const requests = latencies.length;
  return {
    workload: options.workload,
    connections: 1,
    durationSec,
    requests,
    sent: requests,
    requestsPerSec: durationSec > 0 ? requests / durationSec : 0,
    latencyMs: latencySummary(latencies),
    subgraphCalls: planFetches(options.plan.node as PlanNode | undefined).length,
    errors,
    ...(firstError ? { firstError } : {}),
    client: FLOOR_CLIENT,
    ...(gatewayLatencies.length
      ? {
          interleavedGatewayLatencyMs: {
            p50: quantile(gatewayLatencies, 0.5),
            p95: quantile(gatewayLatencies, 0.95),
            p99: quantile(gatewayLatencies, 0.99),
          },
        }
      : {}),
  };
}
