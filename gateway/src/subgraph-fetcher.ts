import http from "node:http";
import https from "node:https";
import type { RemoteGraphQLDataSource } from "@apollo/gateway";

/** The `fetch`-like function RemoteGraphQLDataSource calls (the type of `@apollo/utils.fetcher`). */
export type Fetcher = RemoteGraphQLDataSource["fetcher"];
type FetcherResponse = Awaited<ReturnType<Fetcher>>;

/** Options of {@link createSubgraphFetcher}. */
export interface SubgraphFetcherOptions {
  /**
   * A request not fully answered (headers and body) this many milliseconds after it got its socket fails with a
   * timeout; so does one that waited `queueWaitMs` (default this long) for a socket.
   */
  timeoutMs: number;
  /** How long a call may wait for one of `maxSockets` before it fails with a timeout; default `timeoutMs`. */
  queueWaitMs?: number;
  /** Each subgraph's own timeout, by the URL called; `timeoutMs` for any other URL. */
  timeoutsByUrl?: Readonly<Record<string, number>>;
  /**
   * Most calls in flight at once per subgraph host (its sockets); further calls wait in the agent's queue. Default 64.
   * A bulkhead per agency: a frozen subgraph holds only its own sockets, and under overload the calls wait here, at
   * the gateway, instead of piling up inside the subgraph where each would get slower and time out.
   */
  maxSockets?: number;
  /** Idle keep-alive sockets are closed after this many milliseconds (sooner if the subgraph says so). Default 30000. */
  idleTimeoutMs?: number;
}

export interface SubgraphFetcher {
  fetcher: Fetcher;
  /** Closes the pooled sockets; call when the gateway stops. */
  close(): void;
}

/**
 * Raised when a subgraph request exceeds `timeoutMs`, sent (`sent`) or still waiting for a socket (`queued`); `code`
 * lets error classification recognise it.
 */
export class SubgraphTimeoutError extends Error {
  readonly code = "SUBGRAPH_TIMEOUT";
  constructor(
    readonly timeoutMs: number,
    readonly phase: "queued" | "sent" = "sent",
  ) {
    super(
      phase === "sent" ? `subgraph request timed out after ${timeoutMs} ms` : `subgraph request waited ${timeoutMs} ms for a connection`,
    );
    this.name = "SubgraphTimeoutError";
  }
}

/**
 * Raised when the caller's request was abandoned (`init.signal` aborted: the gateway's client went away); `code` lets
 * the data source tell it from an outage, so the circuit breaker does not count it (data-source.ts).
 */
export class SubgraphCallAbandonedError extends Error {
  readonly code = "SUBGRAPH_CALL_ABANDONED";
  constructor() {
    super("subgraph request abandoned: the client went away");
    this.name = "SubgraphCallAbandonedError";
  }
}

/** Whether `error` is a call given up because its client went away (not the subgraph's fault). */
export function isAbandonedCall(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === "SUBGRAPH_CALL_ABANDONED";
}

/**
 * A fetcher on node:http with keep-alive agents. Every gateway request fans out into several subgraph calls, so
 * reusing connections saves a TCP handshake per call; the default fetcher of RemoteGraphQLDataSource has no timeout.
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions): SubgraphFetcher {
  // `timeout` on the agent bounds idle sockets; Node also honours the server's `Keep-Alive: timeout=` hint, but
  // only when the agent has a timeout of its own, so it must be set.
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets ?? 64, timeout: options.idleTimeoutMs ?? 30_000 };
  const httpAgent = new http.Agent(agentOptions);
  const httpsAgent = new https.Agent(agentOptions);

  const send = (url: URL, init: Parameters<Fetcher>[1], retried: boolean): Promise<FetcherResponse> =>
    new Promise((resolve, reject) => {
      const signal = init?.signal as AbortSignal | undefined;
      // nobody waits for the answer any more (a later step of the query plan, a retry): do not send at all
      if (signal?.aborted) return reject(new SubgraphCallAbandonedError());
      const body = init?.body === undefined ? undefined : Buffer.from(init.body);
      const headers: Record<string, string> = { ...init?.headers };
      if (body) headers["content-length"] = String(body.length);
      const secure = url.protocol === "https:";
      const request = (secure ? https : http).request(url, {
        method: init?.method ?? "GET",
        headers,
        agent: secure ? httpsAgent : httpAgent,
      });

      let settled = false;
      const fail = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener("abort", abandon);
        // A pooled socket the subgraph closed just as we reused it: the request never reached it, so send it again
        // once on a fresh socket (the pattern Node's documentation recommends for `reusedSocket`).
        if (!retried && request.reusedSocket && (error as NodeJS.ErrnoException).code === "ECONNRESET") {
          resolve(send(url, init, true));
        } else {
          reject(error);
        }
      };
      // destroying the socket is what tells the subgraph nobody waits any more: it cancels the work (abort-on-close.ts).
      // A request still queued for a socket emits its error only once it would have got one, so the call ends here.
      const giveUp = (error: Error) => {
        request.destroy(error);
        fail(error);
      };
      const timeoutMs = options.timeoutsByUrl?.[url.toString()] ?? options.timeoutMs;
      // The timeout is the subgraph's time: it starts when the request has a socket (connecting counts, the subgraph
      // accepts it). Waiting for one of `maxSockets` is the gateway's own queue, which load alone fills: counted in
      // the same clock, load on the gateway would time out a healthy subgraph's calls and open its breaker. The wait
      // has its own bound (`queueWaitMs`), so a call ends within both bounds even behind a frozen subgraph.
      const queueWaitMs = options.queueWaitMs ?? timeoutMs;
      let timer = setTimeout(() => giveUp(new SubgraphTimeoutError(queueWaitMs, "queued")), queueWaitMs);
      request.once("socket", () => {
        clearTimeout(timer);
        if (!settled) timer = setTimeout(() => giveUp(new SubgraphTimeoutError(timeoutMs, "sent")), timeoutMs);
      });
      // the same when the gateway's own client went away: the subgraph sees its connection closed and stops working
      const abandon = () => giveUp(new SubgraphCallAbandonedError());
      signal?.addEventListener("abort", abandon, { once: true });

      request.on("error", fail);
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("error", fail);
        response.on("close", () => {
          if (!response.complete) fail(Object.assign(new Error("subgraph response cut short"), { code: "SUBGRAPH_RESPONSE_INCOMPLETE" }));
        });
        response.on("end", () => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          signal?.removeEventListener("abort", abandon);
          const responseHeaders = new Headers();
          for (let i = 0; i < response.rawHeaders.length; i += 2)
            responseHeaders.append(response.rawHeaders[i], response.rawHeaders[i + 1]);
          resolve(
            new BufferedResponse(
              url.toString(),
              response.statusCode ?? 0,
              response.statusMessage ?? "",
              responseHeaders,
              Buffer.concat(chunks),
            ),
          );
        });
      });
      request.end(body);
    });

  return {
    fetcher: (url, init) => send(new URL(url), init, false),
    close() {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}

/** A response whose body has been read whole; subgraph answers are JSON documents parsed whole anyway. */
class BufferedResponse implements FetcherResponse {
  bodyUsed = false;
  readonly redirected = false;

  constructor(
    readonly url: string,
    readonly status: number,
    readonly statusText: string,
    readonly headers: Headers,
    private readonly body: Buffer,
  ) {}

  get ok(): boolean {
    return this.status >= 200 && this.status < 300;
  }

  text(): Promise<string> {
    this.bodyUsed = true;
    return Promise.resolve(this.body.toString("utf8"));
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  arrayBuffer(): Promise<ArrayBuffer> {
    this.bodyUsed = true;
    return Promise.resolve(this.body.buffer.slice(this.body.byteOffset, this.body.byteOffset + this.body.byteLength) as ArrayBuffer);
  }

  clone(): FetcherResponse {
    return new BufferedResponse(this.url, this.status, this.statusText, new Headers(this.headers), this.body);
  }
}
