import http from "node:http";
import type { AddressInfo } from "node:net";
import { createSubgraphFetcher, isAbandonedCall, SubgraphTimeoutError, type SubgraphFetcher } from "./subgraph-fetcher";

// A loopback HTTP server standing in for a subgraph: answers JSON (after 200 ms on /in-200ms), or waits forever on /slow.
describe("createSubgraphFetcher", () => {
  let server: http.Server;
  let base: string;
  let connections = 0;
  let slowClosed: Promise<void> | null = null;
  let fetcher: SubgraphFetcher;

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === "/slow") {
        // never answers; resolves slowClosed when the caller closes the connection
        slowClosed = new Promise((resolve) => res.once("close", () => resolve()));
        return;
      }
      let body = "";
      req.on("data", (chunk) => (body += chunk));
      req.on("end", () => {
        const answer = () => {
          res.setHeader("content-type", "application/json");
          res.end(JSON.stringify({ data: { method: req.method, echo: body, header: req.headers["x-test"] ?? null } }));
        };
        if (req.url === "/in-200ms") setTimeout(answer, 200);
        else answer();
      });
    });
    server.on("connection", () => connections++);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    connections = 0;
    fetcher = createSubgraphFetcher({ timeoutMs: 300 });
  });

  afterEach(() => fetcher.close());

  it("sends the body and headers and reads a JSON answer", async () => {
    const response = await fetcher.fetcher(`${base}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-test": "yes" },
      body: '{"query":"{ __typename }"}',
    });
    expect(response.ok).toBe(true);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ data: { method: "POST", echo: '{"query":"{ __typename }"}', header: "yes" } });
  });

  it("reuses one connection for consecutive requests", async () => {
    for (let i = 0; i < 5; i++) {
      const response = await fetcher.fetcher(`${base}/graphql`, { method: "POST", body: "{}" });
      await response.text();
    }
    expect(connections).toBe(1);
  });

  it("gives up after timeoutMs with a SubgraphTimeoutError", async () => {
    const started = Date.now();
    await expect(fetcher.fetcher(`${base}/slow`, { method: "POST", body: "{}" })).rejects.toBeInstanceOf(SubgraphTimeoutError);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("fails with the system error when nothing listens", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetcher.fetcher(`http://127.0.0.1:${port}/graphql`, { method: "POST", body: "{}" })).rejects.toMatchObject({
      code: "ECONNREFUSED",
    });
  });

  it("closes the connection at once when the caller's signal aborts, with an abandoned-call error", async () => {
    const caller = new AbortController();
    const pending = fetcher.fetcher(`${base}/slow`, { method: "POST", body: "{}", signal: caller.signal }).catch((e: unknown) => e);
    while (slowClosed === null) await new Promise((resolve) => setTimeout(resolve, 5));
    caller.abort();
    const error = await pending;
    expect(isAbandonedCall(error)).toBe(true);
    await slowClosed; // the subgraph sees its caller gone (and would cancel its SQL)
  });

  it("does not send a call whose caller is already gone", async () => {
    const caller = new AbortController();
    caller.abort();
    const error = await fetcher.fetcher(`${base}/graphql`, { method: "POST", body: "{}", signal: caller.signal }).catch((e: unknown) => e);
    expect(isAbandonedCall(error)).toBe(true);
    expect(connections).toBe(0);
  });

  it("counts a call's time from when it has a socket, not while it waits for one", async () => {
    const oneSocket = createSubgraphFetcher({ timeoutMs: 300, maxSockets: 1 });
    try {
      const started = Date.now();
      // the second call waits ~200 ms for the only socket, then the subgraph takes 200 ms: 400 ms in all, but 200 of its own
      const answers = await Promise.all([1, 2].map(() => oneSocket.fetcher(`${base}/in-200ms`, { method: "POST", body: "{}" })));
      expect(answers.map((a) => a.status)).toEqual([200, 200]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    } finally {
      oneSocket.close();
    }
  });

  /** A call behind another that holds the only socket to a slow subgraph: what it fails with, and after how long. */
  async function callBehindSlow(options: { timeoutMs: number; queueWaitMs?: number }): Promise<{ error: unknown; ms: number }> {
    const slowUrl = `${base}/slow`;
    const oneSocket = createSubgraphFetcher({ ...options, timeoutsByUrl: { [slowUrl]: 5_000 }, maxSockets: 1 });
    try {
      const holding = oneSocket.fetcher(slowUrl, { method: "POST", body: "{}" }).catch((e: unknown) => e);
      const started = Date.now();
      const error = await oneSocket.fetcher(`${base}/graphql`, { method: "POST", body: "{}" }).catch((e: unknown) => e);
      const ms = Date.now() - started;
      oneSocket.close();
      await holding;
      return { error, ms };
    } finally {
      oneSocket.close();
    }
  }

  it("bounds the wait for a socket by queueWaitMs when given, apart from the call's own timeout", async () => {
    const { error, ms } = await callBehindSlow({ timeoutMs: 2_000, queueWaitMs: 150 });
    expect(error).toMatchObject({ phase: "queued", message: "subgraph request waited 150 ms for a connection" });
    // the queue's bound, not the call's 2 s
    expect(ms).toBeLessThan(1_000);
  });

  it("bounds the wait for a socket by the timeout too, and leaves the queue at once", async () => {
    const { error, ms } = await callBehindSlow({ timeoutMs: 300 });
    expect(error).toBeInstanceOf(SubgraphTimeoutError);
    expect(error).toMatchObject({ phase: "queued", message: "subgraph request waited 300 ms for a connection" });
    expect(ms).toBeLessThan(1_000);
  });
});
