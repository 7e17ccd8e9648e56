import type { Fetcher } from "./subgraph-fetcher";

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

const MUTATION = /^\s*\{\s*"query"\s*:\s*"\s*(mutation|subscription)\b/;

/**
 * Shares one subgraph call among identical queries in flight at the same time: when sixteen counsellors open the
 * same report at once, the subgraph answers once and each gets a copy. Requests are identical when URL, headers
 * and body (operation and variables) are; per-user headers therefore keep users apart. Mutations are never shared.
 */
export function dedupeInFlight(fetcher: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<FetcherResponse>>();
  return (url, init) => {
    const body = typeof init?.body === "string" ? init.body : undefined;
    if (body === undefined || MUTATION.test(body)) return fetcher(url, init);
    const key = `${url}\n${JSON.stringify(init?.headers ?? {})}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    // every caller reads its own copy of the (already buffered) body
    return shared.then((response) => response.clone());
  };
}
