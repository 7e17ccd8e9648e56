import { createSubgraphFetcher } from "../../gateway/src/subgraph-fetcher";
import type { SubgraphCall, SubgraphResponse } from "./execute";

/**
 * The floor's HTTP client is our gateway's own (`gateway/src/subgraph-fetcher.ts`, node:http with a keep-alive
 * agent): the floor then pays exactly the connection costs our gateway pays, and the difference between the two is
 * the gateway's own work.
 */

/**
 * A {@link SubgraphCall} over HTTP with our gateway's keep-alive fetcher; `close()` frees its sockets. Every call
 * carries `headers`: the benchmark's `authorization`, the user's token our gateway forwards too, without which the
 * subgraphs serve no one (the floor has no gateway credential, and needs none: the token is a verified caller).
 */
export function httpSubgraphCall(
  subgraphUrls: Readonly<Record<string, string>>,
  headers: Readonly<Record<string, string>>,
  timeoutMs = 10_000,
): { call: SubgraphCall; close: () => void } {
  const client = createSubgraphFetcher({ timeoutMs });
  const call: SubgraphCall = async (serviceName, body) => {
    const url = subgraphUrls[serviceName];
    if (!url) throw new Error(`no URL for subgraph "${serviceName}"`);
    const response = await client.fetcher(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${serviceName} answered HTTP ${response.status}: ${text.slice(0, 200)}`);
    return JSON.parse(text) as SubgraphResponse;
  };
  return { call, close: () => client.close() };
}
