import { dedupeInFlight } from "./in-flight-dedup";
import { isAbandonedCall, type Fetcher } from "./subgraph-fetcher";

function fakeFetcher() {
  const calls: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const signals: AbortSignal[] = [];
  const fetcher = (async (url: string, init?: { body?: string; signal?: AbortSignal }) => {
    calls.push(`${url} ${init?.body}`);
    if (init?.signal) signals.push(init.signal);
    await gate;
    const body = JSON.stringify({ data: { n: calls.length } });
    const response = { status: 200, text: () => Promise.resolve(body), clone: () => response };
    return response;
  }) as unknown as Fetcher;
  return { fetcher, calls, release, signals };
}

describe("dedupeInFlight", () => {
  it("sends identical queries in flight together once, and each caller gets the answer", async () => {
    const { fetcher, calls, release } = fakeFetcher();
    const dedupe = dedupeInFlight(fetcher);
    const body = JSON.stringify({ query: "query Report($y: Int!) { programReport(year: $y) { year } }", variables: { y: 2022 } });
    const answers = [dedupe("http://a/graphql", { method: "POST", body }), dedupe("http://a/graphql", { method: "POST", body })];
    release();
    const texts = await Promise.all(answers.map(async (a) => (await a).text()));
    expect(calls).toHaveLength(1);
    expect(texts[0]).toBe(texts[1]);
  });

  it("keeps different variables, different headers and mutations apart", async () => {
    const { fetcher, calls, release } = fakeFetcher();
    const dedupe = dedupeInFlight(fetcher);
    const query = (y: number) => JSON.stringify({ query: "query R($y: Int!) { programReport(year: $y) { year } }", variables: { y } });
    const mutation = JSON.stringify({ query: "mutation { touch }" });
    const pending = [
      dedupe("http://a/graphql", { method: "POST", body: query(2021) }),
      dedupe("http://a/graphql", { method: "POST", body: query(2022) }),
      dedupe("http://a/graphql", { method: "POST", body: query(2022), headers: { authorization: "counsellor-1" } }),
      dedupe("http://a/graphql", { method: "POST", body: mutation }),
      dedupe("http://a/graphql", { method: "POST", body: mutation }),
    ];
    release();
    await Promise.all(pending);
    expect(calls).toHaveLength(5);
  });

  it("sends again once the first call has finished", async () => {
    const { fetcher, calls, release } = fakeFetcher();
    release();
    const dedupe = dedupeInFlight(fetcher);
    const body = JSON.stringify({ query: "{ regions { code } }" });
    await dedupe("http://a/graphql", { method: "POST", body });
    await dedupe("http://a/graphql", { method: "POST", body });
    expect(calls).toHaveLength(2);
  });

  it("lets each caller leave when its client goes away, and abandons the shared call only when all have left", async () => {
    const { fetcher, calls, release, signals } = fakeFetcher();
    const dedupe = dedupeInFlight(fetcher);
    const body = JSON.stringify({ query: "{ regions { code } }" });
    const [a, b] = [new AbortController(), new AbortController()];
    const first = dedupe("http://a/graphql", { method: "POST", body, signal: a.signal }).catch((e: unknown) => e);
    const second = dedupe("http://a/graphql", { method: "POST", body, signal: b.signal }).catch((e: unknown) => e);
    expect(calls).toHaveLength(1);
    a.abort();
    expect(isAbandonedCall(await first)).toBe(true);
    expect(signals[0].aborted).toBe(false); // the second caller still waits for it
    b.abort();
    expect(isAbandonedCall(await second)).toBe(true);
    expect(signals[0].aborted).toBe(true);
    // a request arriving now gets a call of its own, not the abandoned one
    const third = dedupe("http://a/graphql", { method: "POST", body });
    expect(calls).toHaveLength(2);
    release();
    expect(await (await third).text()).toBe(JSON.stringify({ data: { n: 2 } }));
  });

  it("answers the caller who stayed when another sharing the call left", async () => {
    const { fetcher, calls, release } = fakeFetcher();
    const dedupe = dedupeInFlight(fetcher);
    const body = JSON.stringify({ query: "{ regions { code } }" });
    const leaving = new AbortController();
    const gone = dedupe("http://a/graphql", { method: "POST", body, signal: leaving.signal }).catch((e: unknown) => e);
    const staying = dedupe("http://a/graphql", { method: "POST", body, signal: new AbortController().signal });
    leaving.abort();
    expect(isAbandonedCall(await gone)).toBe(true);
    release();
    expect(await (await staying).text()).toBe(JSON.stringify({ data: { n: 1 } }));
    expect(calls).toHaveLength(1);
  });
});
