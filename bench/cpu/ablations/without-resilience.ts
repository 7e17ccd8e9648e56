import asyncHooks from "node:async_hooks";
import type { RequestHandler } from "express";
import { endingIn, swapOnLoad } from "./swap-on-load";

/**
 * A preload (`node --require`) for `npm run measure:cpu -- … --without resilience`, never for a running platform: the
 * overload and failure handling added after the version before access control is taken out, so that a comparison
 * with that version can tell access control's cost from theirs. The gateway admits every request at once (no
 * admission queue) and calls subgraphs without circuit breakers or retries; and the request-scoped context that
 * carries a client's abort signal to its subgraph calls and a request's cancellable SQL to its connection (and a log
 * line's request id) no longer follows promises: Node 20's AsyncLocalStorage hooks every promise while one is used.
 */
class SynchronousScope<T> {
  private store: T | undefined;

  run<R>(store: T, fn: (...args: unknown[]) => R, ...args: unknown[]): R {
    const outer = this.store;
    this.store = store;
    try {
      return fn(...args);
    } finally {
      this.store = outer;
    }
  }

  exit<R>(fn: (...args: unknown[]) => R, ...args: unknown[]): R {
    return this.run(undefined as T, fn, ...args);
  }

  getStore(): T | undefined {
    return this.store;
  }
}
(asyncHooks as unknown as { AsyncLocalStorage: unknown }).AsyncLocalStorage = SynchronousScope;

const admitAll: RequestHandler = (_req, _res, next) => next();
swapOnLoad(endingIn("use-admission"), (loaded) => ({ ...loaded, useAdmission: () => admitAll }));
swapOnLoad(endingIn("subgraph-breaker"), (loaded) => ({
  ...loaded,
  createSubgraphBreaker: () => ({ execute: <T>(call: () => Promise<T>) => call(), state: () => 0 }),
}));
