import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner, type FetchNode, type PlanNode, type QueryPlan } from "@apollo/query-planner";
import { parse } from "graphql";
import { splitSupergraph } from "../../gateway/src/authorization/supergraph-policies";

/**
 * Planning for the floor: the query plan Apollo's planner makes for our gateway (the same planner our gateway runs),
 * so that the floor executes exactly the subgraph calls our gateway would make.
 */

/**
 * The query plan of `operationName` of `document` (the contract's text) over the supergraph, as our gateway plans it:
 * over the SDL our gateway gives its planner, whose security features (`requiresScopes`, `policy`) are no longer
 * marked `for: SECURITY`, since Apollo's planner refuses a supergraph with features it cannot enforce itself.
 */
export function buildOperationPlan(supergraphSdl: string, document: string, operationName: string): QueryPlan {
  const supergraph = Supergraph.build(splitSupergraph(supergraphSdl).plannerSdl);
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
