import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContext } from "@apollo/server";
import { Kind, OperationTypeNode, type FormattedExecutionResult, type GraphQLFormattedError, type OperationDefinitionNode } from "graphql";
import type { Caller } from "@lib/auth/bearer";
import { ANONYMOUS, type Viewer } from "@lib/auth/viewer";
import { SUPPRESSED } from "@lib/graphql/error-codes";
import { figuresVersions } from "./figures-versions";
import { reportStore } from "./report-cache-store";

/** The report cache's settings (`REPORT_CACHE`, `REPORT_CACHE_TTL_S`, `REDIS_URL`). */
export interface ReportCacheOptions {
  /** Share answers among gateways through this Redis; null: in this process's memory. */
  redisUrl: string | null;
  /** How long an answer is kept; it is never stale (keyed by the figures' version), this only frees the space. */
  ttlSeconds: number;
  /** Prefix of the cache keys (default `njsp:report`); tests give each run its own. */
  keyPrefix?: string;
  log?: (message: string) => void;
}

export const DEFAULT_REPORT_CACHE_TTL_S = 3600;

/** The only errors an answer may carry to be cached: both are decided by the figures and the viewer's shape alone. */
const CACHEABLE_ERRORS = new Set([SUPPRESSED, "FORBIDDEN"]);

/**
 * Caches the answers of report operations (every root field `programReport` or `programBreakdown`), keyed by the
 * query, its variables, the viewer's rule shape (scopes, and whether they work for an office), for a breakdown
 * asked by a center manager their office too, and the four subgraphs' figures versions.
 *
 * Safe to share among viewers of one key: the report and its small-cell suppression depend on the figures only (no
 * resolver of ProgramReport or RegionReport reads the viewer; suppression is the same for everyone); the breakdown
 * depends on the viewer only in that a center manager reads their own office's (program-breakdown.resolver.ts), so
 * their office is part of the key; and which fields a viewer may read depends only on the rule shape
 * (authorizing-gateway.ts keys the same way). Never stale:
 * each writer bumps its subgraph's figures version in the transaction that changes the figures
 * (lib/db/figures-version.ts), so the next request's key is new. An answer with any other error (a subgraph down)
 * is not kept. A hit still passes authentication, the rate limit and the operation limits: only execution is skipped.
 *
 * A small explicit cache rather than `@apollo/server-plugin-response-cache`: that plugin never caches an answer
 * with errors, and every report carries SUPPRESSED errors for its withheld cells; and it is invalidated by time
 * (cache-control maxAge), where ours is invalidated by the figures changing.
 */
export function useReportCache(subgraphUrls: Readonly<Record<string, string>>, options: ReportCacheOptions) {
  const log = options.log ?? ((message: string) => console.warn(message));
  const store = reportStore(options.redisUrl, log);
  const versions = figuresVersions(subgraphUrls);
  const prefix = options.keyPrefix ?? "njsp:report";

  const plugin: ApolloServerPlugin<Caller> = {
    requestDidStart() {
      let key: string | undefined;
      let hit = false;
      return Promise.resolve({
        async responseForOperation(context) {
          if (!isReportOperation(context.operation)) return null;
          const version = await versions.current();
          if (version === null) return null;
          key = `${prefix}:${keyOf(context, version)}`;
          const cached = await store.cache.get(key);
          if (cached === undefined) return null;
          hit = true;
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: "single", singleResult: JSON.parse(cached) as FormattedExecutionResult },
          };
        },
        async willSendResponse({ response }) {
          if (!key || hit || response.body.kind !== "single" || (response.http.status ?? 200) !== 200) return;
          const { data, errors } = response.body.singleResult;
          if (!data || !(errors ?? []).every(isCacheableError)) return;
          await store.cache.set(key, JSON.stringify({ data, ...(errors ? { errors } : {}) }), { ttl: options.ttlSeconds });
        },
      });
    },
  };
  return { plugin, close: () => store.close() };
}

/** The root fields whose answers are cached: the reports, computed from figures alone. */
const REPORT_FIELDS = new Set(["programReport", "programBreakdown"]);

/** A query whose every root selection is a report (or `__typename`): anything else is not cached. */
function isReportOperation(operation: OperationDefinitionNode | undefined): boolean {
  if (operation?.operation !== OperationTypeNode.QUERY) return false;
  const names = rootFieldsOf(operation);
  return names.some((name) => REPORT_FIELDS.has(name!)) && names.every((name) => REPORT_FIELDS.has(name!) || name === "__typename");
}

function rootFieldsOf(operation: OperationDefinitionNode): Array<string | null> {
  return operation.selectionSet.selections.map((s) => (s.kind === Kind.FIELD ? s.name.value : null));
}

function keyOf(context: GraphQLRequestContext<Caller>, version: string): string {
  const viewer = context.contextValue.viewer ?? ANONYMOUS;
  const parts = [
    context.queryHash,
    context.operationName ?? "",
    JSON.stringify(context.request.variables ?? {}),
    shapeOf(viewer),
    ownOfficeOf(context.operation, viewer),
    version,
  ];
  return createHash("sha256").update(parts.join("\n")).digest("hex");
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

function isCacheableError(error: GraphQLFormattedError): boolean {
  return CACHEABLE_ERRORS.has(error.extensions?.code as string);
}
