import { HeaderMap } from "@apollo/server";
import type { ExpressContextFunctionArgument } from "@as-integrations/express5";
import { GraphQLError } from "graphql";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { Viewer } from "@lib/auth/viewer";

/**
 * Requests per subject per window: a signed-in user is counted by the token's `sub` (wherever they call from),
 * anyone else by the client address. Counted in memory, per gateway process, unless a Redis URL is given: then all
 * gateways share the count. Over the limit: HTTP 429, `RATE_LIMITED`, and `Retry-After` in seconds; others go on
 * being served. When Redis cannot be reached, requests are let through (fail open) and a warning is logged, at most
 * every 10 s; the gateway keeps serving and uses Redis again once it is back.
 */
export interface RateLimitOptions {
  /** Requests a subject may make per window; 0 turns the limit off. */
  points: number;
  /** The window, in seconds. */
  windowSeconds: number;
  /** Share the count through this Redis server (`redis://host:6379/0`); null or absent: in memory. */
  redisUrl?: string | null;
  /** Prefix of the Redis keys (default `njsp:rate`); tests give each run its own. */
  keyPrefix?: string;
  /** Where warnings go; default console.warn. */
  log?: (message: string) => void;
}

/**
 * The default: 100,000 requests a minute per subject, generous enough that no person comes near it and the
 * benchmark, which sends everything with one counsellor's token, stays far below (its fastest workload, ProgramReport
 * at 64 connections, ran at about 1,300 requests/s, in 10 s rounds between the peer's: well under 100,000 in any
 * minute). It stops floods; set `RATE_LIMIT_POINTS` lower for a tighter one, or 0 for none.
 */
export const DEFAULT_RATE_LIMIT = { points: 100_000, windowSeconds: 60 } as const;

export const RATE_LIMITED = "RATE_LIMITED";

/** Redis commands that take longer than this count as a failed store (fail open). */
const REDIS_COMMAND_TIMEOUT_MS = 500;
const WARN_INTERVAL_MS = 10_000;
/** How long a starting gateway waits for Redis before serving without it (fail open). */
const CONNECT_WAIT_MS = 2_000;

export interface RateLimit {
  /**
   * Wraps the gateway's context function: builds the context (which identifies the caller), then counts the request
   * against its subject and refuses it with a 429 error when over the limit, before the operation is even parsed.
   */
  context<C extends { viewer?: Viewer }>(
    build: (argument: ExpressContextFunctionArgument) => Promise<C>,
  ): (argument: ExpressContextFunctionArgument) => Promise<C>;
  /** Counts one request of `subject`; resolves when allowed, rejects with the RATE_LIMITED error when not. */
  admit(subject: string): Promise<void>;
  /** Closes the Redis connection, if any. */
  close(): Promise<void>;
}

/** The subject a request is counted against: `user:<sub>` for a signed-in user, else `ip:<client address>`. */
export function subjectOf(viewer: Viewer | undefined, clientAddress: string | undefined): string {
  return viewer?.kind === "user" ? `user:${viewer.sub}` : `ip:${clientAddress ?? "unknown"}`;
}

/**
 * Sets the limit up; with Redis, waits until it is connected (at most {@link CONNECT_WAIT_MS}, or until the first
 * connection error), so that a gateway that starts with Redis reachable counts from its first request.
 */
export async function useRateLimit(options: RateLimitOptions = DEFAULT_RATE_LIMIT): Promise<RateLimit> {
  const log = options.log ?? ((message: string) => console.warn(message));
  const { points, windowSeconds } = options;
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract | undefined;
  let lastWarning = 0;
  const warn = (message: string) => {
    const now = Date.now();
    if (now - lastWarning < WARN_INTERVAL_MS) return;
    lastWarning = now;
    log(`[gateway] rate limit: ${message}`);
  };

  if (points > 0) {
    const keyPrefix = options.keyPrefix ?? "njsp:rate";
    if (options.redisUrl) {
      redis = new Redis(options.redisUrl, {
        // a command fails at once while disconnected instead of waiting in a queue: the request goes through
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
        connectionName: "njsp-gateway-rate-limit",
      });
      redis.on("error", (error: Error) => warn(`Redis unavailable (${error.message}); requests are not limited until it is back.`));
      await connected(redis);
      limiter = new RateLimiterRedis({
        storeClient: redis,
        keyPrefix,
        points,
        duration: windowSeconds,
        rejectIfRedisNotReady: true,
        // a subject over the limit is refused from memory until its window ends, without asking Redis each time
        inMemoryBlockOnConsumed: points + 1,
      });
    } else {
      limiter = new RateLimiterMemory({ keyPrefix, points, duration: windowSeconds });
    }
  }

  const admit = async (subject: string): Promise<void> => {
    if (!limiter) return;
    try {
      await limiter.consume(subject);
    } catch (outcome) {
      if (outcome instanceof RateLimiterRes) throw rateLimitedError(points, windowSeconds, outcome.msBeforeNext);
      warn(`the store failed (${(outcome as Error).message ?? String(outcome)}); requests are not limited until it is back.`);
    }
  };

  return {
    context: (build) => async (argument) => {
      const context = await build(argument);
      await admit(subjectOf(context.viewer, argument.req.ip ?? argument.req.socket.remoteAddress));
      return context;
    },
    admit,
    close() {
      redis?.disconnect();
      return Promise.resolve();
    },
  };
}

/** Resolves once `redis` is ready, fails to connect, or {@link CONNECT_WAIT_MS} have passed, whichever is first. */
function connected(redis: Redis): Promise<void> {
  if (redis.status === "ready") return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      redis.off("ready", done);
      redis.off("error", done);
      resolve();
    };
    const timer = setTimeout(done, CONNECT_WAIT_MS);
    redis.once("ready", done);
    redis.once("error", done);
  });
}

function rateLimitedError(points: number, windowSeconds: number, msBeforeNext: number): GraphQLError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  // Apollo Server reads `extensions.http.headers` as a Map (its HeaderMap); graphql-yoga's typings, installed for
  // GraphiQL, declare them a plain record for every GraphQLError
  const http = { status: 429, headers: new HeaderMap([["retry-after", String(retryAfter)]]) } as unknown as {
    status: number;
    headers: Record<string, string>;
  };
  return new GraphQLError(
    `Too many requests: at most ${points} every ${windowSeconds} s for each user (each address without a token). Try again in ${retryAfter} s.`,
    {
      extensions: {
        code: RATE_LIMITED,
        retryAfterSeconds: retryAfter,
        http,
      },
    },
  );
}
