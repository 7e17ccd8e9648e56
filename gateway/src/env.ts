import { availableParallelism } from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { isProduction, readAuthEnv, type AuthSettings } from "@lib/auth/auth-env";
import { EnvReader, isDevelopment, type Environment } from "@lib/env/env";
import { readLogLevel } from "@lib/log/log-level";
import type { LogLevel } from "@lib/log/logger";
import { subgraphVariable } from "@lib/subgraph/declaration";
import { SUBGRAPH_LIST, type SubgraphName } from "@subgraphs/registry";
import { defaultIntrospectionMode, INTROSPECTION_MODES, type IntrospectionMode } from "./use-introspection-rule";
import { DEFAULT_SAFELIST_PATH } from "./use-persisted-queries";
import { DEFAULT_RATE_LIMIT } from "./use-rate-limit";
import { DEFAULT_ADMISSION, type AdmissionOptions } from "./use-admission";
import { DEFAULT_REPORT_CACHE_TTL_S } from "./use-report-cache";
import { DEFAULT_SUPERGRAPH_POLL_MS } from "./use-supergraph-file";
import { DEFAULT_BREAKER, type BreakerOptions } from "./subgraph-breaker";

/**
 * The gateway's configuration, read once from the environment. This module is the only place in `gateway/` that
 * reads `process.env`, so every knob the gateway has is listed here.
 */
export interface GatewayEnv {
  /** `PORT`, default 4000. 0 picks a free port. */
  port: number;
  /** `HOST`, default `0.0.0.0` (all interfaces, as a container needs). */
  host: string;
  /** `NODE_ENV` as given, default `production`. */
  nodeEnv: string;
  /** True only for `NODE_ENV=development`: error responses then carry stack traces and causes. */
  development: boolean;
  /** `SUPERGRAPH_PATH`, absolute; default `schema/supergraph.graphql` under the project root. */
  supergraphPath: string;
  /** `SUPERGRAPH_POLL_MS`, default 1000: how often the supergraph file is checked for a new version. */
  supergraphPollMs: number;
  /** `<ENVPREFIX>_URL` per subgraph (e.g. `JOB_CENTERS_URL`), default `http://localhost:<defaultPort>/graphql`. */
  subgraphUrls: Record<SubgraphName, string>;
  /** `SUBGRAPH_TIMEOUT_MS`, default 2500: a subgraph request still unanswered after this is abandoned. */
  subgraphTimeoutMs: number;
  /** `<ENVPREFIX>_TIMEOUT_MS` per subgraph (e.g. `WELFARE_PARTNERS_TIMEOUT_MS`), default `SUBGRAPH_TIMEOUT_MS`. */
  subgraphTimeouts: Record<SubgraphName, number>;
  /**
   * `SUBGRAPH_MAX_CONCURRENT_CALLS` (default 8 per CPU) calls in flight at once to each subgraph, the others waiting at
   * the gateway at most `SUBGRAPH_QUEUE_WAIT_MS` (5000) for their turn: subgraph-fetcher.ts.
   */
  subgraphCalls: { maxConcurrent: number; queueWaitMs: number };
  /** `SUBGRAPH_BREAKER_FAILURES` (5), `SUBGRAPH_BREAKER_HALF_OPEN_MS` (5000), `SUBGRAPH_RETRIES` (1): subgraph-breaker.ts. */
  breaker: BreakerOptions;
  /** `AUTH_*` and `GATEWAY_SECRET`: how users' tokens are verified, and the gateway's credential (lib/auth/auth-env.ts). */
  auth: AuthSettings;
  /** `INTROSPECTION`: `authenticated` (default outside development) or `open` (default in development). */
  introspection: IntrospectionMode;
  /** `SAFELIST` (default false): only the operations of `SAFELIST_PATH` (default the client contract) run. */
  safelist: { enabled: boolean; path: string };
  /** `RATE_LIMIT_POINTS` (default 100000; 0 = off) per `RATE_LIMIT_WINDOW_S` (default 60), shared through `REDIS_URL` when set. */
  rateLimit: { points: number; windowSeconds: number; redisUrl: string | null };
  /**
   * `GATEWAY_MAX_CONCURRENT_REQUESTS` (default 32 per CPU; 0 = no limit) executing at once, `GATEWAY_MAX_QUEUED_REQUESTS`
   * (256) waiting for their turn, each at most `GATEWAY_MAX_QUEUE_WAIT_MS` (5000): use-admission.ts.
   */
  admission: AdmissionOptions;
  /**
   * `TRUST_PROXY`: which proxies' `X-Forwarded-For` names the client (Express's `trust proxy`: a hop count such as `1`,
   * or `loopback`, `uniquelocal`, addresses); unset trusts none, so a client cannot pick the address it is counted as.
   */
  trustProxy: string | number | false;
  /**
   * `REPORT_CACHE` (default true): report answers cached, keyed by the subgraphs' figures versions, for
   * `REPORT_CACHE_TTL_S` (default 3600), shared among gateways through `REDIS_URL` (`rateLimit.redisUrl`) when set.
   */
  reportCache: { enabled: boolean; ttlSeconds: number };
  /** `LOG_REQUESTS` (default true): one JSON line per GraphQL request on stdout (id, operation name, status, ms). */
  logRequests: boolean;
  /** `LOG_LEVEL` (default `info`): the least severe level written (lib/log/log-level.ts). */
  logLevel: LogLevel;
}

export const DEFAULT_PORT = 4000;
export const DEFAULT_HOST = "0.0.0.0";
/**
 * The slowest operation of the client contract, measured at the subgraph on the 2-core CI machine (see README,
 * Resilience), with room for load: a subgraph still silent after this is treated as down, so that the other
 * agencies' data is not held back by it.
 */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 2_500;
/**
 * 8 calls per CPU to each subgraph: the subgraphs and PostgreSQL share the machine's cores, so a few calls per core keep
 * them busy; more only make each call slower (at 53 at once on 2 cores, job-centers' calls passed the 2.5 s timeout).
 * A call waits up to 5 s for its turn, twice the subgraph timeout: overload makes answers slower, not failed.
 */
export const DEFAULT_SUBGRAPH_CALLS = { maxConcurrent: availableParallelism() * 8, queueWaitMs: 5_000 };
export const DEFAULT_SUPERGRAPH_PATH = path.join(SCHEMA_DIR, "supergraph.graphql");

export function defaultSubgraphUrl(subgraph: { defaultPort: number }): string {
  return `http://localhost:${subgraph.defaultPort}/graphql`;
}

/** Reads and validates the gateway's environment; throws an `EnvError` listing every bad value at once. */
export function readGatewayEnv(env: Environment = process.env): GatewayEnv {
  const read = new EnvReader(env);
  const supergraphPath = read.optional("SUPERGRAPH_PATH");
  const subgraphUrls = Object.fromEntries(
    SUBGRAPH_LIST.map((subgraph) => [subgraph.name, read.url(subgraphVariable(subgraph, "URL"), defaultSubgraphUrl(subgraph))]),
  ) as Record<SubgraphName, string>;
  const timeoutRange = { min: 1, max: 600_000 };
  const subgraphTimeoutMs = read.num("SUBGRAPH_TIMEOUT_MS", DEFAULT_SUBGRAPH_TIMEOUT_MS, timeoutRange);
  const subgraphTimeouts = Object.fromEntries(
    SUBGRAPH_LIST.map((subgraph) => [subgraph.name, read.num(subgraphVariable(subgraph, "TIMEOUT_MS"), subgraphTimeoutMs, timeoutRange)]),
  ) as Record<SubgraphName, number>;
  return read.done({
    port: read.num("PORT", DEFAULT_PORT),
    host: read.str("HOST", DEFAULT_HOST),
    nodeEnv: read.str("NODE_ENV", "production"),
    development: isDevelopment(env),
    supergraphPath: supergraphPath ? path.resolve(supergraphPath) : DEFAULT_SUPERGRAPH_PATH,
    supergraphPollMs: read.num("SUPERGRAPH_POLL_MS", DEFAULT_SUPERGRAPH_POLL_MS, { min: 50, max: 3_600_000 }),
    subgraphUrls,
    subgraphTimeoutMs,
    subgraphTimeouts,
    breaker: {
      failures: read.num("SUBGRAPH_BREAKER_FAILURES", DEFAULT_BREAKER.failures, { min: 1, max: 1000 }),
      halfOpenAfterMs: read.num("SUBGRAPH_BREAKER_HALF_OPEN_MS", DEFAULT_BREAKER.halfOpenAfterMs, { min: 1, max: 600_000 }),
      retries: read.num("SUBGRAPH_RETRIES", DEFAULT_BREAKER.retries, { min: 0, max: 5 }),
    },
    auth: readAuthEnv(read, isProduction(read.optional("NODE_ENV") ?? "production")),
    introspection: readIntrospection(read, isDevelopment(env)),
    subgraphCalls: {
      maxConcurrent: read.num("SUBGRAPH_MAX_CONCURRENT_CALLS", DEFAULT_SUBGRAPH_CALLS.maxConcurrent, { min: 1, max: 100_000 }),
      queueWaitMs: read.num("SUBGRAPH_QUEUE_WAIT_MS", DEFAULT_SUBGRAPH_CALLS.queueWaitMs, timeoutRange),
    },
    admission: {
      maxConcurrent: read.num("GATEWAY_MAX_CONCURRENT_REQUESTS", DEFAULT_ADMISSION.maxConcurrent, { min: 0, max: 100_000 }),
      maxQueued: read.num("GATEWAY_MAX_QUEUED_REQUESTS", DEFAULT_ADMISSION.maxQueued, { min: 0, max: 1_000_000 }),
      maxWaitMs: read.num("GATEWAY_MAX_QUEUE_WAIT_MS", DEFAULT_ADMISSION.maxWaitMs, { min: 1, max: 600_000 }),
    },
    trustProxy: trustProxyOf(read.optional("TRUST_PROXY")),
    logRequests: read.bool("LOG_REQUESTS", true),
    logLevel: readLogLevel(read),
    safelist: { enabled: read.bool("SAFELIST", false), path: path.resolve(read.str("SAFELIST_PATH", DEFAULT_SAFELIST_PATH)) },
    rateLimit: {
      points: read.num("RATE_LIMIT_POINTS", DEFAULT_RATE_LIMIT.points, { min: 0, max: 100_000_000 }),
      windowSeconds: read.num("RATE_LIMIT_WINDOW_S", DEFAULT_RATE_LIMIT.windowSeconds, { min: 1, max: 86_400 }),
      redisUrl: readRedisUrl(read),
    },
    reportCache: {
      enabled: read.bool("REPORT_CACHE", true),
      ttlSeconds: read.num("REPORT_CACHE_TTL_S", DEFAULT_REPORT_CACHE_TTL_S, { min: 1, max: 30 * 86_400 }),
    },
  });
}

function readIntrospection(read: EnvReader, development: boolean): IntrospectionMode {
  const value = read.optional("INTROSPECTION");
  if (value === undefined) return defaultIntrospectionMode(development);
  if ((INTROSPECTION_MODES as readonly string[]).includes(value)) return value as IntrospectionMode;
  read.problem(`INTROSPECTION must be ${INTROSPECTION_MODES.join(" or ")} (got ${JSON.stringify(value)})`);
  return defaultIntrospectionMode(development);
}

/** `REDIS_URL`: a redis:// or rediss:// URL, or unset (rate limits counted and reports cached in memory). */
function readRedisUrl(read: EnvReader): string | null {
  const raw = read.optional("REDIS_URL");
  if (raw === undefined) return null;
  let protocol: string | undefined;
  try {
    protocol = new URL(raw).protocol;
  } catch {
    protocol = undefined;
  }
  if (protocol === "redis:" || protocol === "rediss:") return raw;
  read.problem(`REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (got ${JSON.stringify(raw)})`);
  return null;
}

function trustProxyOf(raw: string | undefined): string | number | false {
  if (raw === undefined || /^(false|0)$/i.test(raw)) return false;
  return /^[1-9][0-9]?$/.test(raw) ? Number(raw) : raw;
}
