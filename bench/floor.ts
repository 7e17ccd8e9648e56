import { performance } from "node:perf_hooks";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan, type QueryPlanSelectionNode, type ResponsePath } from "@apollo/query-planner";
import { parse } from "graphql";
import { createSubgraphFetcher } from "../gateway/src/subgraph-fetcher";
import { quantile, type LoadResult } from "./load";

/**
 * The floor: what an operation costs without any gateway. Its query plan (the one Apollo's planner makes for our
 * gateway) is executed directly against the subgraphs: each fetch in the plan's order (Sequence one after the other,
 * Parallel concurrently), entity fetches getting `representations` built from the results so far per the fetch's
 * `requires`. What is left is the subgraphs' own time plus the HTTP calls, so that gateway latency / floor latency is
 * the gateway's own overhead.
 *
 * HTTP client: our gateway's own (`gateway/src/subgraph-fetcher.ts`, node:http with a keep-alive agent), so the
 * floor pays exactly the connection costs our gateway pays.
 */

type Json = Record<string, unknown>;

/** A GraphQL response from a subgraph. */
export interface SubgraphResponse {
  data?: Json | null;
  errors?: Array<{ message: string }>;
}

/** Sends one operation to a subgraph by name. */
export type SubgraphCall = (serviceName: string, body: { query: string; variables: Json; operationName?: string }) => Promise<SubgraphResponse>;

/** The query plan of `operationName` of `document` (the contract's text) over the supergraph, as our gateway plans it. */
export function buildOperationPlan(supergraphSdl: string, document: string, operationName: string): QueryPlan {
  const supergraph = Supergraph.build(supergraphSdl);
  const planner = new QueryPlanner(supergraph);
  const operation = operationFromDocument(supergraph.schema, parse(document), { operationName });
  return planner.buildQueryPlan(operation);
}

/** The fetches of a plan in the order a walk meets them (for counting subgraph calls and reporting them). */
export function planFetches(node: PlanNode | undefined): FetchNode[] {
  if (!node) return [];
  switch (node.kind) {
    case "Fetch":
      return [node];
    case "Flatten":
      return planFetches(node.node);
    case "Sequence":
    case "Parallel":
      return node.nodes.flatMap(planFetches);
    default:
      throw new Error(`the floor does not support ${node.kind} plan nodes`);
  }
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The objects at `path` of `data` (`@` steps into every element of a list); nulls are skipped. */
export function objectsAtPath(data: unknown, path: ResponsePath): Json[] {
  if (data == null) return [];
  if (Array.isArray(data)) return data.flatMap((item) => objectsAtPath(item, path));
  if (path.length === 0) return isObject(data) ? [data] : [];
  const [head, ...rest] = path;
  if (head === "@") return objectsAtPath(data, rest);
  return isObject(data) ? objectsAtPath(data[String(head)], rest) : [];
}

/** The part of `value` the selections ask for (a representation), or undefined when no inline fragment applies. */
export function selectRepresentation(value: Json, selections: readonly QueryPlanSelectionNode[]): Json | undefined {
  const result: Json = {};
  let matched = false;
  for (const selection of selections) {
    if (selection.kind === "InlineFragment") {
      if (selection.typeCondition && value.__typename !== selection.typeCondition) continue;
      const inner = selectRepresentation(value, selection.selections);
      if (inner) {
        Object.assign(result, inner);
        matched = true;
      }
      continue;
    }
    matched = true;
    const key = selection.alias ?? selection.name;
    const field = value[key];
    if (selection.selections && field != null) {
      const sub = selection.selections;
      result[key] = Array.isArray(field)
        ? field.map((item) => (isObject(item) ? selectRepresentation(item, sub) ?? null : item))
        : isObject(field)
          ? selectRepresentation(field, sub) ?? null
          : field;
    } else {
      result[key] = field;
    }
  }
  return matched ? result : undefined;
}

/** Merges `source` into `target` in place: objects recursively, lists element by element. */
function deepMerge(target: Json, source: Json): void {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (isObject(existing) && isObject(value)) deepMerge(existing, value);
    else if (Array.isArray(existing) && Array.isArray(value) && existing.length === value.length) {
      value.forEach((item, i) => {
        if (isObject(existing[i]) && isObject(item)) deepMerge(existing[i] as Json, item);
        else existing[i] = item;
      });
    } else target[key] = value;
  }
}

function pickVariables(fetch: FetchNode, variables: Json): Json {
  const picked: Json = {};
  for (const name of fetch.variableUsages ?? []) if (name in variables) picked[name] = variables[name];
  return picked;
}

async function executeFetch(fetch: FetchNode, path: ResponsePath, state: { data: Json; errors: string[] }, variables: Json, call: SubgraphCall) {
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) {
    throw new Error(`the floor does not support rewrites (fetch to ${fetch.serviceName})`);
  }
  const body = { query: fetch.operation, operationName: fetch.operationName, variables: pickVariables(fetch, variables) };
  if (!fetch.requires) {
    const response = await call(fetch.serviceName, body);
    for (const error of response.errors ?? []) state.errors.push(`${fetch.serviceName}: ${error.message}`);
    if (response.data) {
      const targets = objectsAtPath(state.data, path);
      for (const target of targets) deepMerge(target, response.data);
    }
    return;
  }
  const entities: Json[] = [];
  const representations: Json[] = [];
  for (const entity of objectsAtPath(state.data, path)) {
    const representation = selectRepresentation(entity, fetch.requires);
    if (representation) {
      entities.push(entity);
      representations.push(representation);
    }
  }
  if (representations.length === 0) return;
  const response = await call(fetch.serviceName, { ...body, variables: { ...body.variables, representations } });
  for (const error of response.errors ?? []) state.errors.push(`${fetch.serviceName}: ${error.message}`);
  const results = response.data?._entities;
  if (!Array.isArray(results)) {
    if (!response.errors?.length) state.errors.push(`${fetch.serviceName}: no _entities in the response`);
    return;
  }
  results.forEach((result, i) => {
    if (isObject(result) && entities[i]) deepMerge(entities[i], result);
  });
}

async function executeNode(node: PlanNode, path: ResponsePath, state: { data: Json; errors: string[] }, variables: Json, call: SubgraphCall): Promise<void> {
  switch (node.kind) {
    case "Fetch":
      return executeFetch(node, path, state, variables, call);
    case "Flatten":
      return executeNode(node.node, [...path, ...node.path], state, variables, call);
    case "Sequence":
      for (const child of node.nodes) await executeNode(child, path, state, variables, call);
      return;
    case "Parallel":
      await Promise.all(node.nodes.map((child) => executeNode(child, path, state, variables, call)));
      return;
    default:
      throw new Error(`the floor does not support ${node.kind} plan nodes`);
  }
}

/**
 * Executes a query plan's fetches against the subgraphs through `call` and returns the merged data (with the
 * `__typename`s the plan adds) and the subgraphs' errors.
 */
export async function executePlan(plan: QueryPlan, variables: Json, call: SubgraphCall): Promise<{ data: Json; errors: string[] }> {
  const state = { data: {} as Json, errors: [] as string[] };
  if (!plan.node) return state;
  if (plan.node.kind === "Subscription") throw new Error("the floor does not support subscriptions");
  await executeNode(plan.node, [], state, variables, call);
  return state;
}

/** A {@link SubgraphCall} over HTTP with our gateway's keep-alive fetcher; `close()` frees its sockets. */
export function httpSubgraphCall(subgraphUrls: Readonly<Record<string, string>>, timeoutMs = 10_000): { call: SubgraphCall; close(): void } {
  const { fetcher, close } = createSubgraphFetcher({ timeoutMs });
  const call: SubgraphCall = async (serviceName, body) => {
    const url = subgraphUrls[serviceName];
    if (!url) throw new Error(`no URL for subgraph "${serviceName}"`);
    const response = await fetcher(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${serviceName} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as SubgraphResponse;
  };
  return { call, close };
}

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

/**
 * Runs the plan at concurrency 1 for `durationSec`, each request with the next variables, and summarizes it like
 * a load round.
 */
export async function runFloor(options: {
  workload: string;
  plan: QueryPlan;
  subgraphUrls: Readonly<Record<string, string>>;
  durationSec: number;
  nextVariables: () => Json;
  /** Also send each request through this gateway (with `body(variables)`) just before its floor run. */
  gateway?: { url: string; body: (variables: Json) => { query: string; variables: Json; operationName?: string } };
}): Promise<FloorResult> {
  const gatewayName = "(gateway)";
  const { call, close } = httpSubgraphCall(
    options.gateway ? { ...options.subgraphUrls, [gatewayName]: options.gateway.url } : options.subgraphUrls,
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
        await call(gatewayName, options.gateway.body(variables)).catch(() => undefined);
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
    latencyMs: {
      p50: quantile(latencies, 0.5),
      p95: quantile(latencies, 0.95),
      p99: quantile(latencies, 0.99),
      mean: requests ? latencies.reduce((sum, value) => sum + value, 0) / requests : 0,
      max: latencies[requests - 1] ?? 0,
    },
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
