import type { FetchNode, PlanNode, QueryPlan, QueryPlanSelectionNode, ResponsePath } from "@apollo/query-planner";
import { isPolicyOutcome } from "../policy-outcomes";

/**
 * Executing a query plan without a gateway: each fetch in the plan's order (Sequence one after the other, Parallel
 * concurrently), entity fetches getting `representations` built from the results so far per the fetch's `requires`.
 * Only what Participant360's plan needs is supported (no rewrites, no subscriptions, no Condition or Defer nodes):
 * the floor must do no more work than a gateway, and failing loudly beats measuring something else.
 */

type Json = Record<string, unknown>;

/** A GraphQL response from a subgraph. */
export interface SubgraphResponse {
  data?: Json | null;
  errors?: Array<{ message: string; extensions?: { code?: unknown } }>;
}

/** Sends one operation to a subgraph by name (over HTTP in the floor, a fake in the tests). */
export type SubgraphCall = (
  serviceName: string,
  body: { query: string; variables: Json; operationName?: string },
) => Promise<SubgraphResponse>;

/** The merged data so far and the subgraphs' errors, shared by every fetch of one execution. */
interface ExecutionState {
  data: Json;
  errors: string[];
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
        ? (field as unknown[]).map((item) => (isObject(item) ? (selectRepresentation(item, sub) ?? null) : item))
        : isObject(field)
          ? (selectRepresentation(field, sub) ?? null)
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
      const list = existing as unknown[];
      (value as unknown[]).forEach((item, i) => {
        const current = list[i];
        if (isObject(current) && isObject(item)) deepMerge(current, item);
        else list[i] = item;
      });
    } else target[key] = value;
  }
}

/** Only the variables the fetch's operation uses: a subgraph rejects unknown ones. */
function pickVariables(fetch: FetchNode, variables: Json): Json {
  const picked: Json = {};
  for (const name of fetch.variableUsages ?? []) if (name in variables) picked[name] = variables[name];
  return picked;
}

async function executeFetch(fetch: FetchNode, path: ResponsePath, state: ExecutionState, variables: Json, call: SubgraphCall) {
  if (fetch.inputRewrites?.length || fetch.outputRewrites?.length || fetch.contextRewrites?.length) {
    throw new Error(`the floor does not support rewrites (fetch to ${fetch.serviceName})`);
  }
  const body = { query: fetch.operation, operationName: fetch.operationName, variables: pickVariables(fetch, variables) };
  if (!fetch.requires) {
    const response = await call(fetch.serviceName, body);
    for (const error of response.errors ?? []) if (!isPolicyOutcome(error)) state.errors.push(`${fetch.serviceName}: ${error.message}`);
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
  // as a gateway does: no entities to resolve, no call
  if (representations.length === 0) return;
  const response = await call(fetch.serviceName, { ...body, variables: { ...body.variables, representations } });
  for (const error of response.errors ?? []) if (!isPolicyOutcome(error)) state.errors.push(`${fetch.serviceName}: ${error.message}`);
  const results = response.data?._entities;
  if (!Array.isArray(results)) {
    if (!response.errors?.length) state.errors.push(`${fetch.serviceName}: no _entities in the response`);
    return;
  }
  results.forEach((result, i) => {
    if (isObject(result) && entities[i]) deepMerge(entities[i], result);
  });
}

async function executeNode(node: PlanNode, path: ResponsePath, state: ExecutionState, variables: Json, call: SubgraphCall): Promise<void> {
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
export async function executePlan(plan: QueryPlan, variables: Json, call: SubgraphCall): Promise<ExecutionState> {
  const state: ExecutionState = { data: {}, errors: [] };
  if (!plan.node) return state;
  if (plan.node.kind === "Subscription") throw new Error("the floor does not support subscriptions");
  await executeNode(plan.node, [], state, variables, call);
  return state;
}
