import type { GraphQLRequestContext } from "@apollo/server";
import { Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import type { Caller } from "@lib/auth/bearer";
import { ANONYMOUS, type Viewer } from "@lib/auth/viewer";
import { todayInKorea } from "@lib/mutation/dates";
import { sha256 } from "./use-persisted-queries";

/** The root fields whose answers are cached: the reports, computed from figures alone. */
const REPORT_FIELDS = new Set(["programReport", "programBreakdown"]);

/** A query whose every root selection is a report (or `__typename`): anything else is not cached. */
export function isReportOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== OperationTypeNode.QUERY) return false;
  const names = rootFieldsOf(operation);
  return names.some((name) => REPORT_FIELDS.has(name!)) && names.every((name) => REPORT_FIELDS.has(name!) || name === "__typename");
}

function rootFieldsOf(operation: OperationDefinitionNode): Array<string | null> {
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : null));
}

/**
 * What an answer depends on besides the figures: the supergraph it was planned on, the query, its variables, the
 * viewer's rule shape, a center manager's office for a breakdown, and the month in Korea (a breakdown counts the
 * retention marks passed by this month: program-breakdown.resolver.ts). The figures versions are added to it.
 */
export function answerBaseOf(context: GraphQLRequestContext<Caller>, supergraphId: string): string {
  const viewer = context.contextValue.viewer ?? ANONYMOUS;
  const parts = [
    supergraphId,
    context.queryHash,
    context.operationName ?? "",
    JSON.stringify(context.request.variables ?? {}),
    shapeOf(viewer),
    ownOfficeOf(context.operation, viewer),
    todayInKorea().slice(0, 7),
  ];
  return sha256(parts.join("\n"));
}

/** What the access rules can tell apart about a viewer; nothing that names a person or an office. */
function shapeOf(viewer: Viewer): string {
  return viewer.kind === "user" ? `${[...viewer.scopes].sort().join(" ")}${viewer.org ? "+office" : ""}` : "anonymous";
}

/** A center manager's breakdown is their own office's: their answer is theirs (program-breakdown.resolver.ts). */
function ownOfficeOf(operation: OperationDefinitionNode | undefined, viewer: Viewer): string {
  const breakdown = operation !== undefined && rootFieldsOf(operation).includes("programBreakdown");
  return breakdown && viewer.kind === "user" && viewer.role === "CENTER_MANAGER" && viewer.org ? `${viewer.org.kind}:${viewer.org.id}` : "";
}
