import { dedupeInFlight } from "./in-flight-dedup";
import type { Fetcher } from "./subgraph-fetcher";

function fakeFetcher() {
  const calls: string[] = [];
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => (release = resolve));
  const fetcher = (async (url: string, init?: { body?: string }) => {
    calls.push(`${url} ${init?.body}`);
    await gate;
    const body = JSON.stringify({ data: { n: calls.length } });
    const response = { status: 200, text: () => Promise.resolve(body), clone: () => response };
    return response;
  }) as unknown as Fetcher;
  return { fetcher, calls, release };
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
});
