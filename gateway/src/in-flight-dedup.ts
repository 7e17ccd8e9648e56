import { TRACE_HEADERS } from "@lib/audit/request-trace";
import { SubgraphCallAbandonedError, type Fetcher } from "./subgraph-fetcher";

type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** One shared call: its answer, and how many of the requests sharing it still wait for it. */
interface SharedCall {
  response: Promise<FetcherResponse>;
  waiting: number;
  /** Aborts the shared call once every request sharing it has gone away (no one is left to read the answer). */
  abandon: AbortController;
}

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
 * A request whose client went away (`init.signal`) stops waiting at once; the shared call itself is abandoned only
 * when no request is left waiting for it.
 */
export function dedupeInFlight(fetcher: Fetcher): Fetcher {
  const inFlight = new Map<string, SharedCall>();
  return (url, init) => {
    const body = typeof init?.body === "string" ? init.body : undefined;
    if (body === undefined || MUTATION.test(body) || PARTICIPANT.test(body)) return fetcher(url, init);
    const signal = init?.signal as AbortSignal | undefined;
    if (signal?.aborted) return Promise.reject(new SubgraphCallAbandonedError());
    const key = `${url}\n${JSON.stringify(untraced(init?.headers))}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      const abandon = new AbortController();
      // a call abandoned by everyone is forgotten at once: a request arriving meanwhile gets a call of its own
      const forget = () => inFlight.get(key) === call && inFlight.delete(key);
      abandon.signal.addEventListener("abort", forget, { once: true });
      const call: SharedCall = { response: fetcher(url, { ...init, signal: abandon.signal }).finally(forget), waiting: 0, abandon };
      inFlight.set(key, (shared = call));
    }
    return waitFor(shared, signal);
  };
}

/** One request's wait for a shared call: its own copy of the (already buffered) body, or its own abandonment. */
function waitFor(shared: SharedCall, signal: AbortSignal | undefined): Promise<FetcherResponse> {
  shared.waiting++;
  const answer = shared.response.then((response) => response.clone());
  if (!signal) return answer;
  return new Promise((resolve, reject) => {
    const leave = () => {
      if (--shared.waiting === 0) shared.abandon.abort();
      reject(new SubgraphCallAbandonedError());
    };
    signal.addEventListener("abort", leave, { once: true });
    answer.then(resolve, reject).finally(() => signal.removeEventListener("abort", leave));
  });
}

function untraced(headers: Record<string, string> | undefined): Record<string, string> {
  const kept = { ...headers };
  for (const name of TRACE_HEADERS) delete kept[name];
  return kept;
}
