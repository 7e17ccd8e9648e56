import { AsyncLocalStorage } from "node:async_hooks";
import { setMaxListeners } from "node:events";
import type { ServerResponse } from "node:http";
import { GraphQLError } from "graphql";
import type { Fetcher } from "./subgraph-fetcher";

/**
 * Work for a client that went away stops. The gateway's request handler gets an AbortSignal that fires when the
 * client's connection closes before its response was written whole; every subgraph call made for that request carries
 * it to the fetcher, which closes the call's socket, and the subgraph, seeing its caller gone, cancels the SQL it runs
 * (lib/db/cancel-abandoned-queries.ts). The circuit breaker does not count such a call (subgraph-breaker.ts).
 */
export function clientGoneSignal(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  // every subgraph call of the request listens to it while it runs (a plan may hold more than Node's default ten at
  // once); each call removes its listener when it ends, so their number is bounded by the plan, not growing
  setMaxListeners(0, gone.signal);
  // `close` also follows a complete response; only a response not finished means the client left first
  res.once("close", () => {
    if (!res.writableFinished) gone.abort();
  });
  return gone.signal;
}

/** `extensions.code` of a subgraph call abandoned because the gateway's client went away (nobody reads it). */
export const CLIENT_CLOSED_REQUEST = "CLIENT_CLOSED_REQUEST";

/** The error that stands in for an abandoned call: not an outage, so neither the breaker nor the retries act on it. */
export function abandonedCallError(serviceName: string): GraphQLError {
  return new GraphQLError("The client closed the request before the answer was ready.", {
    extensions: { code: CLIENT_CLOSED_REQUEST, serviceName },
  });
}

export function isAbandonedCallError(error: unknown): boolean {
  return (error as { extensions?: { code?: unknown } } | null)?.extensions?.code === CLIENT_CLOSED_REQUEST;
}

/**
 * Apollo Gateway builds each subgraph call's fetch options itself and has no place for a signal, so the signal of the
 * request a call is made for travels beside it: the data source runs the call inside {@link withClientSignal}, and
 * {@link fetcherWithClientSignal} adds it to the fetch options.
 */
const clientSignal = new AsyncLocalStorage<AbortSignal | undefined>();

export function withClientSignal<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  return clientSignal.run(signal, call);
}

export function fetcherWithClientSignal(fetcher: Fetcher): Fetcher {
  return (url, init) => {
    const signal = clientSignal.getStore();
    return fetcher(url, signal ? { ...init, signal } : init);
  };
}
