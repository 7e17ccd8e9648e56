import { TRACE_HEADERS } from "@lib/audit/request-trace";
import type { Fetcher } from "./subgraph-fetcher";

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

const MUTATION = /^\s*\{\s*"query"\s*:\s*"\s*(mutation|subscription)\b/;
/**
 * Every read of a participant's data reaches a subgraph through the fields `participant` or `participants` or a
 * `Participant` representation, so its body names one of them as a word (`participantsStarted`, a report's count,
 * is another word); such a call is never shared (see below). A field that returns a Participant under another name
 * would have to be added here.
 */
const PARTICIPANT = /\bparticipants?\b/i;

/**
 * Shares one subgraph call among identical queries in flight at the same time: when sixteen counsellors open the
 * same report at once, the subgraph answers once and each gets a copy. Requests are identical when URL, headers
 * (but the request's trace: its id, the client's address and operation) and body (operation and variables) are;
 * per-user headers therefore keep users apart. Mutations are never shared, nor calls that may read a participant:
 * each subgraph logs every read of personal data under the request's own id, so each request must reach it.
 */
export function dedupeInFlight(fetcher: Fetcher): Fetcher {
  const inFlight = new Map<string, Promise<FetcherResponse>>();
  return (url, init) => {
    const body = typeof init?.body === "string" ? init.body : undefined;
    if (body === undefined || MUTATION.test(body) || PARTICIPANT.test(body)) return fetcher(url, init);
    const key = `${url}\n${JSON.stringify(untraced(init?.headers))}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init).finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    // every caller reads its own copy of the (already buffered) body
    return shared.then((response) => response.clone());
  };
}

function untraced(headers: Record<string, string> | undefined): Record<string, string> {
  const kept = { ...headers };
  for (const name of TRACE_HEADERS) delete kept[name];
  return kept;
}
