import { startSystem, type TestSystem } from "./support/system";

/** GraphiQL comes from the gateway itself: air-gapped networks cannot reach a CDN. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

it("serves GraphiQL at GET /graphql with every asset inline", async () => {
  const response = await fetch(system.gateway.url, { headers: { accept: "text/html" } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/text\/html/);
  const html = await response.text();
  expect(html).toContain("GraphiQL");
  expect(html.length).toBeGreaterThan(1_000_000);
  expect(html).not.toMatch(/<script[^>]+src=["']https?:/i);
  expect(html).not.toMatch(/<link[^>]+href=["']https?:/i);
});

it("still answers GraphQL over GET for non-browser clients", async () => {
  const url = `${system.gateway.url}?query=${encodeURIComponent('{ region(code: "11") { name } }')}`;
  const response = await fetch(url, { headers: { accept: "application/json", "apollo-require-preflight": "true" } });
  expect(await response.json()).toEqual({ data: { region: { name: "서울특별시" } } });
});
