import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request a piece of work belongs to, carried through its callbacks and promises by Node's AsyncLocalStorage:
 * every log line written while a request is served carries that request's id (logger.ts reads it), without each
 * function having to pass the id to the logger itself.
 */
const scope = new AsyncLocalStorage<{ requestId: string }>();

/** Runs `work` (e.g. Express's `next`) as part of the request with this id. */
export function inRequestScope<T>(requestId: string, work: () => T): T {
  return scope.run({ requestId }, work);
}

/** The id of the request being served here, if any. */
export function currentRequestId(): string | undefined {
  return scope.getStore()?.requestId;
}
