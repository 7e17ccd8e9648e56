import { ErrorsAreMissesCache, InMemoryLRUCache, type KeyValueCache } from "@apollo/utils.keyvaluecache";
import { Redis } from "ioredis";

/** Where cached reports are kept: shared by every gateway through Redis, or in this process. */
export interface ReportStore {
  cache: KeyValueCache<string>;
  close(): Promise<void>;
}

/** A Redis command slower than this counts as a miss: computing the report is the fallback, never waiting. */
const REDIS_COMMAND_TIMEOUT_MS = 300;
/** In memory: reports are ~10 KB; 50 MB holds thousands of (year, viewer shape, version) answers. */
const MEMORY_BYTES = 50 * 1024 * 1024;

/**
 * Apollo's own cache interface (`@apollo/utils.keyvaluecache`, what Apollo Server's caches use): its LRU in memory,
 * or a few lines over ioredis, which the rate limit already uses, with one connection setting for both. Errors
 * are misses (`ErrorsAreMissesCache`): with Redis down, reports are computed as if nothing were cached.
 */
export function reportStore(redisUrl: string | null, log: (message: string) => void): ReportStore {
  if (!redisUrl) return { cache: new InMemoryLRUCache<string>({ maxSize: MEMORY_BYTES }), close: () => Promise.resolve() };
  const redis = new Redis(redisUrl, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: REDIS_COMMAND_TIMEOUT_MS,
    connectionName: "njsp-gateway-report-cache",
  });
  let lastWarning = 0;
  redis.on("error", (error: Error) => {
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    log(`[gateway] report cache: Redis unavailable (${error.message}); reports are computed until it is back.`);
  });
  const redisCache: KeyValueCache<string> = {
    get: async (key) => (await redis.get(key)) ?? undefined,
    set: async (key, value, options) => {
      if (options?.ttl) await redis.set(key, value, "EX", options.ttl);
      else await redis.set(key, value);
    },
    delete: async (key) => (await redis.del(key)) > 0,
  };
  return {
    cache: new ErrorsAreMissesCache(redisCache, { debug() {}, info() {}, warn: log, error: log }),
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
