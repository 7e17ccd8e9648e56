import { gunzipSync } from "node:zlib";
import { parse } from "graphql";
import { GRAPHIQL_OPTIONS, GRAPHIQL_TITLE, graphiqlPage } from "./graphiql";

describe("the GraphiQL page", () => {
  it("is self-contained: no script, stylesheet or icon from another host", async () => {
    const text = gunzipSync((await graphiqlPage()).gzipped).toString("utf8");
    expect(text).toContain(`<title>${GRAPHIQL_TITLE}</title>`);
    // Tags that make a browser fetch something: none may point at an absolute URL (a CDN).
    const fetching = text.match(/<(script|link|img|iframe)\b[^>]*\b(src|href)\s*=\s*["']?(https?:)?\/\//gi);
    expect(fetching).toBeNull();
    expect(text).not.toMatch(/@import\s+url\(\s*["']?(https?:)?\/\//i);
  });

  it("is rendered once and precompressed, with a validator", async () => {
    const first = await graphiqlPage();
    expect(await graphiqlPage()).toBe(first);
    const html = gunzipSync(first.gzipped);
    expect(html.toString("utf8")).toContain("<html");
    expect(first.gzipped.length).toBeLessThan(html.length / 2);
    expect(first.etag).toMatch(/^W\/"[\w-]+"$/);
  });

  it("opens with example operations that parse", () => {
    const queries = [GRAPHIQL_OPTIONS.defaultQuery, ...(GRAPHIQL_OPTIONS.defaultTabs ?? []).map((tab) => tab.query)];
    expect(queries).toHaveLength(3);
    for (const query of queries) expect(() => parse(query ?? "")).not.toThrow();
    expect(GRAPHIQL_OPTIONS.defaultTabs?.[0].query).toMatch(/query RegionDirectory\(\$code: String! = "28"\)/);
    expect(GRAPHIQL_OPTIONS.defaultTabs?.[1].query).toMatch(/query ProgramReport\(\$year: Int! = 2022\)/);
  });
});
