import { InMemoryLRUCache } from "@apollo/utils.keyvaluecache";
import type { FormattedExecutionResult } from "graphql";

/** A cached report answer: its JSON as stored, and that JSON parsed once. */
export interface ReportAnswer {
  json: string;
  result: FormattedExecutionResult;
}

/**
 * Parsed answers kept in this process, in front of the store (memory or Redis): a hit then costs neither a parse
 * nor a serialization of a ~300 KB breakdown (649 cells of offices × tracks), only a lookup. Bounded by the answers'
 * JSON length; an entry is never stale (its key holds the figures versions), the bound only frees memory.
 */
const PARSED_CHARS = 4 * 1024 * 1024;

export function parsedAnswers() {
  const memo = new InMemoryLRUCache<ReportAnswer>({ maxSize: PARSED_CHARS, sizeCalculation: (answer) => answer.json.length });
  return {
    get: (key: string) => memo.get(key),
    /** Parses `json` once, freezes it (hits share it: nothing may change it), and keeps it for `ttlSeconds`. */
    async keep(key: string, json: string, ttlSeconds: number): Promise<ReportAnswer> {
      const answer = { json, result: deepFreeze(JSON.parse(json) as FormattedExecutionResult) };
      await memo.set(key, answer, { ttl: ttlSeconds });
      return answer;
    },
  };
}

/** The JSON of each answer served from the cache, by the data object the response carries. */
const served = new WeakMap<object, { json: string; errors: FormattedExecutionResult["errors"] }>();

/** The response body for a hit: the cached objects, remembered so that {@link servedJson} can skip serializing them. */
export function servedResult(answer: ReportAnswer): FormattedExecutionResult {
  const { data, errors } = answer.result;
  if (data) served.set(data, { json: answer.json, errors });
  return { data, ...(errors ? { errors } : {}) };
}

/**
 * The cached JSON of a response that is still exactly a cached answer (the same data, the same errors, no
 * extensions added on the way): Apollo Server's `stringifyResult` sends it as it is. Undefined for anything else.
 */
export function servedJson(value: FormattedExecutionResult): string | undefined {
  const entry = value.data ? served.get(value.data) : undefined;
  if (!entry || value.extensions !== undefined) return undefined;
  const errors = value.errors ?? [];
  const cachedErrors = entry.errors ?? [];
  return errors.length === cachedErrors.length && errors.every((error, i) => error === cachedErrors[i]) ? entry.json : undefined;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
