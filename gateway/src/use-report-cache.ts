import { HeaderMap, type ApolloServerPlugin } from "@apollo/server";
import type { GraphQLFormattedError } from "graphql";
import type { Caller } from "@lib/auth/bearer";
import { SUPPRESSED } from "@lib/graphql/error-codes";
import { figuresVersions } from "./figures-versions";
import { answerBaseOf, isReportOperation } from "./report-cache-key";
import { parsedAnswers, servedResult } from "./report-answers";
import { reportStore } from "./report-cache-store";
import { subgraphsCalled } from "./subgraph-calls";
import { sha256 } from "./use-persisted-queries";

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
/** How many operations' sources this process remembers (each a few bytes; the store keeps them too). */
const KNOWN_SOURCES = 10_000;

/**
 * Caches the answers of report operations (every root field `programReport` or `programBreakdown`), keyed by the
 * query, its variables, the viewer's rule shape, a center manager's office for a breakdown, the month and the
 * supergraph (report-cache-key.ts), and the figures versions of the subgraphs the answer was computed from.
 *
 * Safe to share among viewers of one key: the report and its small-cell suppression depend on the figures only (no
 * resolver of ProgramReport or RegionReport reads the viewer; suppression is the same for everyone); the breakdown
 * depends on the viewer only in that a center manager reads their own office's (program-breakdown.resolver.ts), so
 * their office is part of the key; and which fields a viewer may read depends only on the rule shape
 * (authorizing-gateway.ts keys the same way). Never stale: each writer bumps its subgraph's figures version in the
 * transaction that changes the figures (lib/db/figures-version.ts), so the next request's key is new.
 *
 * Which versions: an answer is made of the answers of the subgraphs its execution called (subgraph-calls.ts), each
 * a function of the query and that subgraph's figures; so its key holds those subgraphs' versions, probed before it
 * was computed, and no others (a breakdown: job-centers' alone, one probe instead of four). Those sources are kept
 * beside the answers, for the next request to know whom to probe; if they changed (a plan that now reaches another
 * subgraph) the answer is not kept, the sources are, and the next request probes them all. An answer with any other
 * error (a subgraph down) is not kept. A hit still passes authentication, the rate limit and the operation limits:
 * only execution is skipped, and a hit's JSON is sent as stored (report-answers.ts).
 *
 * A small explicit cache rather than `@apollo/server-plugin-response-cache`: that plugin never caches an answer
 * with errors, and every report carries SUPPRESSED errors for its withheld cells; and it is invalidated by time
 * (cache-control maxAge), where ours is invalidated by the figures changing.
 */
export function useReportCache(subgraphUrls: Readonly<Record<string, string>>, options: ReportCacheOptions) {
  const log = options.log ?? ((message: string) => console.warn(message));
  const store = reportStore(options.redisUrl, log);
  const parsed = parsedAnswers();
  const versions = figuresVersions(subgraphUrls);
  const prefix = options.keyPrefix ?? "njsp:report";
  const known = new Map<string, readonly string[]>();
  let supergraphId = "";

  const answerKey = (base: string, version: string) => `${prefix}:${sha256(`${base}\n${version}`)}`;
  const sourcesKey = (base: string) => `${prefix}:sources:${base}`;
  const remember = (base: string, sources: readonly string[]) => {
    if (known.size >= KNOWN_SOURCES && !known.has(base)) known.delete(known.keys().next().value as string);
    known.set(base, sources);
  };
  /** The subgraphs the last answer of this kind was computed from; all of them when none was computed yet. */
  const sourcesOf = async (base: string): Promise<readonly string[]> => {
    const remembered = known.get(base);
    if (remembered) return remembered;
    const stored = await store.cache.get(sourcesKey(base));
    const sources = stored === undefined ? undefined : stored.split(",").filter(Boolean);
    if (!sources || !sources.every((name) => versions.names.includes(name))) return versions.names;
    remember(base, sources);
    return sources;
  };
  const fromStore = async (key: string) => {
    const json = await store.cache.get(key);
    return json === undefined ? undefined : parsed.keep(key, json, options.ttlSeconds);
  };

  const plugin: ApolloServerPlugin<Caller> = {
    serverWillStart() {
      return Promise.resolve({
        schemaDidLoadOrUpdate({ coreSupergraphSdl }) {
          supergraphId = sha256(coreSupergraphSdl ?? "");
        },
      });
    },
    requestDidStart() {
      let miss: { base: string; probed: Map<string, string> } | undefined;
      return Promise.resolve({
        async responseForOperation(context) {
          if (!isReportOperation(context.operation)) return null;
          const base = answerBaseOf(context, supergraphId);
          const version = await versions.current(await sourcesOf(base));
          if (version === null) return null;
          const key = answerKey(base, version);
          const answer = (await parsed.get(key)) ?? (await fromStore(key));
          if (answer === undefined) {
            miss = {
              base,
              probed: new Map(
                version
                  .split(",")
                  .filter(Boolean)
                  .map((entry) => [entry.split("=")[0], entry]),
              ),
            };
            return null;
          }
          return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: "single", singleResult: servedResult(answer) } };
        },
        async willSendResponse({ response, contextValue }) {
          if (!miss || response.body.kind !== "single" || (response.http.status ?? 200) !== 200) return;
          const { data, errors } = response.body.singleResult;
          if (!data || !(errors ?? []).every(isCacheableError)) return;
          const sources = subgraphsCalled(contextValue);
          const { base, probed } = miss;
          // a source probed only now might already be newer than what the answer was computed from: not kept
          if (sources.every((name) => probed.has(name))) {
            const version = sources.map((name) => probed.get(name)).join(",");
            await store.cache.set(answerKey(base, version), JSON.stringify({ ...(errors ? { errors } : {}), data }), {
              ttl: options.ttlSeconds,
            });
          }
          await store.cache.set(sourcesKey(base), sources.join(","), { ttl: options.ttlSeconds });
          remember(base, sources);
        },
      });
    },
  };
  return { plugin, close: () => store.close() };
}

function isCacheableError(error: GraphQLFormattedError): boolean {
  return CACHEABLE_ERRORS.has(error.extensions?.code as string);
}
