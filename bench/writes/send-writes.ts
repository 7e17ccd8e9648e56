import { createSubgraphFetcher } from "../../gateway/src/subgraph-fetcher";
import { isGoodBody } from "../load";

/** One mutation request: which mutation (for the per-mutation figures), its body and whose token it carries. */
export interface WriteRequest {
  mutation: string;
  body: string;
  token: string;
}

/** A request's outcome: its latency and, when it failed, why (HTTP status and the body's start). */
export interface SentWrite {
  mutation: string;
  ms: number;
  error?: string;
}

/** What {@link sendWrites} did: every request's outcome, and the time from the first send to the last answer. */
export interface SentWrites {
  sent: SentWrite[];
  elapsedSec: number;
}

export interface SendOptions {
  url: string;
  /** Requests in flight at once, each on its own kept-alive connection, as a batch client keeps them. */
  concurrency: number;
  /** The next request to send; null when there is none left. */
  next: () => WriteRequest | null;
  /** Stop taking new requests after this many seconds (those in flight are finished and counted). */
  durationSec?: number;
  /** An unanswered request fails after this long (default 10 s, as the read rounds'). */
  timeoutMs?: number;
}

/**
 * Sends mutations to the gateway with `concurrency` workers, each sending its next request when the previous is
 * answered. The client is our gateway's own keep-alive fetcher (node:http), as the floor's is. A response is a
 * success when it is 2xx with `data` and no `errors` (every body is parsed: mutations answer little).
 */
export async function sendWrites(options: SendOptions): Promise<SentWrites> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const client = createSubgraphFetcher({ timeoutMs, maxSockets: options.concurrency });
  const sent: SentWrite[] = [];
  const started = performance.now();
  const deadline = options.durationSec === undefined ? Infinity : started + options.durationSec * 1000;
  const worker = async () => {
    for (let request = options.next(); request !== null; request = performance.now() < deadline ? options.next() : null) {
      const begun = performance.now();
      let error: string | undefined;
      try {
        const response = await client.fetcher(options.url, {
          method: "POST",
          headers: { authorization: `Bearer ${request.token}`, "content-type": "application/json" },
          body: request.body,
        });
        const text = await response.text();
        if (response.status < 200 || response.status >= 300 || !isGoodBody(text, true)) {
          error = `HTTP ${response.status}: ${text.slice(0, 300)}`;
        }
      } catch (failure) {
        error = (failure as Error).message;
      }
      sent.push({ mutation: request.mutation, ms: performance.now() - begun, ...(error ? { error } : {}) });
    }
  };
  try {
    await Promise.all(Array.from({ length: options.concurrency }, worker));
  } finally {
    client.close();
  }
  return { sent, elapsedSec: (performance.now() - started) / 1000 };
}

/** The requests of a list one after another, then null: the `next` of a fixed batch. */
export function fromList(requests: readonly WriteRequest[]): () => WriteRequest | null {
  let i = 0;
  return () => (i < requests.length ? requests[i++] : null);
}
