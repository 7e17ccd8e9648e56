import { encodeCursor } from "@lib/graphql/pagination";
import type { RunningGateway } from "../gateway/src/server";
import { GATEWAY_LIMITS } from "../gateway/src/use-armor";
import { bearer, expectRegionDirectoryServed, gatewayVariant, post, toSubgraph, type HttpAnswer } from "./abuse/support";
import { DEFAULT_TOKEN_USER, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Operations built to exhaust the platform are refused at once, with a clear error and a client-error status, and
 * the service goes on answering everyone else at normal speed: the gateway's limits (gateway/src/use-armor.ts) and
 * each subgraph's own, for a caller that reaches its port directly (lib/http/subgraph-limits.ts).
 */
let system: TestSystem;
let token: string;
beforeAll(async () => {
  // what is measured here is the limits, not the subgraphs' speed: with the test files running in parallel on two
  // cores, the depth-7 query alone once took longer than the default 2.5 s subgraph timeout (a partial answer)
  system = await startSystem({ gateway: { timeoutMs: 10_000 } });
  token = await tokenFor(DEFAULT_TOKEN_USER.role, DEFAULT_TOKEN_USER.org, DEFAULT_TOKEN_USER.sub);
});
afterAll(() => system?.stop());

const ask = (query: string, headers: Record<string, string> = bearer(token)) => post(system.gateway.url, { query }, headers);

/** `regions → employmentCenters → region → …`, `pairs` times region → employmentCenters. */
function nestedRegions(pairs: number): string {
  let inner = "name";
  for (let i = 0; i < pairs; i++) inner = `employmentCenters { region { ${inner} } }`;
  return `{ regions { ${inner} } }`;
}

/**
 * The answer is one error with this message, code and limit, at this status, at once: far under the 10 s and more
 * these queries once took (or the memory they ran out of). The bound is loose because the suite's other files load
 * the same two cores meanwhile; what proves "before any work" is that the error is a parse or validation error.
 */
function expectRefused(answer: HttpAnswer, status: number, code: string, message: string, limit?: string) {
  expect(answer.body.errors).toHaveLength(1);
  const [error] = answer.body.errors!;
  expect([answer.status, error.message, error.extensions?.code, error.extensions?.limit]).toEqual([status, message, code, limit]);
  expect(answer.body.data).toBeUndefined();
  expect(answer.ms).toBeLessThan(3000);
}

describe("the gateway refuses at once", () => {
  it("10,000 aliases of participants(first: 100), which once ran it out of memory; others are served meanwhile", async () => {
    const query = `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: participants(first: 100) { totalCount }`).join(" ")} }`;
    expect(query.length).toBeGreaterThan(400_000);
    const attacks = Array.from({ length: 10 }, () => ask(query));
    const served = await expectRegionDirectoryServed(system, system.gateway.url, token);
    for (const answer of await Promise.all(attacks))
      expectRefused(answer, 400, "GRAPHQL_PARSE_FAILED", `Token limit of ${GATEWAY_LIMITS.maxTokens} exceeded.`, "maxTokens");
    expect(served).toBeLessThan(3000);
  });

  it("a 38 KB query of 200 aliases that pages out every participant", async () => {
    const query = `{ ${Array.from(
      { length: 200 },
      (_, i) =>
        `p${i}: participants(first: 100, after: "${encodeCursor([`2022-01-${String((i % 28) + 1).padStart(2, "0")}`, "00000000-0000-4000-8000-000000000000"])}") { edges { cursor node { id name birthYear gender stage track appliedOn } } }`,
    ).join(" ")} }`;
    expect(Math.round(query.length / 1000)).toBe(38);
    expectRefused(await ask(query), 400, "GRAPHQL_PARSE_FAILED", `Token limit of ${GATEWAY_LIMITS.maxTokens} exceeded.`, "maxTokens");
    await expectRegionDirectoryServed(system, system.gateway.url, token);
  });

  it("more aliases than 15, even in a short query", async () => {
    const query = `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: participants(first: 100) { totalCount }`).join(" ")} }`;
    expectRefused(await ask(query), 400, "GRAPHQL_VALIDATION_FAILED", "Aliases limit of 15 exceeded, found 16.", "maxAliases");
  });

  it("region → employmentCenters → region … four levels deep, which kept job-centers busy for 10 s", async () => {
    const query = nestedRegions(4);
    expect(query).toBe(
      "{ regions { employmentCenters { region { employmentCenters { region { employmentCenters { region { employmentCenters { region { name } } } } } } } } } }",
    );
    expectRefused(await ask(query), 400, "GRAPHQL_VALIDATION_FAILED", "Query depth limit of 7 exceeded, found 10.", "maxDepth");
    await expectRegionDirectoryServed(system, system.gateway.url, token);
  });

  it("pages nested in pages, as armor's cost counts them", async () => {
    const query = "{ participants(first: 100) { edges { node { counselingSessions(first: 100) { edges { node { id } } } } } } }";
    expectRefused(await ask(query), 400, "GRAPHQL_VALIDATION_FAILED", "Query Cost limit of 20000 exceeded, found 435481.25.", "costLimit");
  });

  it("more than 10 directives", async () => {
    const query = `{ regions { ${Array.from({ length: 11 }, () => "code @include(if: true)").join(" ")} } }`;
    expectRefused(await ask(query), 400, "GRAPHQL_VALIDATION_FAILED", "Directives limit of 10 exceeded, found 11.", "maxDirectives");
  });

  it("a batch (a JSON array of operations)", async () => {
    const answer = await post(system.gateway.url, [{ query: "{ regions { code } }" }, { query: "{ regions { name } }" }], bearer(token));
    expectRefused(
      answer,
      400,
      "BAD_REQUEST",
      "Batched requests (a JSON array of operations) are not accepted: send one operation per request.",
    );
  });

  it("a body over 1 MB, with a GraphQL-shaped 413", async () => {
    const answer = await post(
      system.gateway.url,
      { query: "{ regions { code } }", variables: { pad: "x".repeat(1_100_000) } },
      bearer(token),
    );
    expectRefused(answer, 413, "BAD_REQUEST", "The request body is larger than 1mb.");
  });

  it("lets the deepest nesting it allows through (depth 7), answered within a few seconds", async () => {
    const answer = await ask("{ regions { employmentCenters { region { employmentCenters { region { employmentCenters { id } } } } } } }");
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.regions).toHaveLength(17);
    expect(answer.ms).toBeLessThan(5000);
  });

  it("hides field suggestions", async () => {
    const answer = await ask('{ region(code: "11") { nam } }');
    expectRefused(answer, 400, "GRAPHQL_VALIDATION_FAILED", 'Cannot query field "nam" on type "Region". [Suggestion hidden]?');
  });
});

describe("introspection", () => {
  const INTROSPECTION = "{ __schema { queryType { name } } }";
  let development: RunningGateway;
  beforeAll(async () => {
    development = await gatewayVariant(system, { development: true });
  });
  afterAll(() => development?.stop());

  it("is refused to an anonymous caller in production: 403 FORBIDDEN", async () => {
    const answer = await ask(INTROSPECTION, {});
    expectRefused(
      answer,
      403,
      "FORBIDDEN",
      "Introspection (__schema, __type) is for signed-in users: send `Authorization: Bearer <token>` (in GraphiQL, the Headers tab).",
    );
    expectRefused(await ask('{ __type(name: "Region") { name } }', {}), 403, "FORBIDDEN", answer.body.errors![0].message);
  });

  it("is answered to a signed-in user", async () => {
    const answer = await ask(INTROSPECTION);
    expect([answer.status, answer.body]).toEqual([200, { data: { __schema: { queryType: { name: "Query" } } } }]);
  });

  it("is open to anyone in development, where GraphiQL loads the schema before a token is pasted", async () => {
    const answer = await post(development.url, { query: INTROSPECTION });
    expect([answer.status, answer.body]).toEqual([200, { data: { __schema: { queryType: { name: "Query" } } } }]);
  });

  it("still answers anonymous callers' ordinary queries and __typename", async () => {
    const answer = await ask('{ __typename region(code: "11") { name } }', {});
    expect([answer.status, answer.body]).toEqual([200, { data: { __typename: "Query", region: { name: "서울특별시" } } }]);
  });
});

describe("a subgraph reached directly protects itself", () => {
  const direct = (query: string) => toSubgraph(system, "job-centers", { query }, token);

  it("refuses an operation deeper than 7", async () => {
    const answer = await direct(
      "{ regions { employmentCenters { region { employmentCenters { region { employmentCenters { region { name } } } } } } } }",
    );
    // a subgraph's errors carry their code and the client-facing details (lib/graphql/errors.ts): here the limit
    expectRefused(answer, 400, "GRAPHQL_VALIDATION_FAILED", "Query depth limit of 7 exceeded, found 8.", "maxDepth");
  });

  it("counts fields, not fragments, so the gateway's entity fetches fit", async () => {
    const [p] = await system.sql("job-centers", "SELECT id FROM participant WHERE employment_center_id = 21 ORDER BY id LIMIT 1");
    const answer = await toSubgraph(
      system,
      "job-centers",
      {
        query:
          "query($r: [_Any!]!) { _entities(representations: $r) { ... on Participant { employmentCenter { region { employmentCenters { region { code } } } } } } }",
        variables: { r: [{ __typename: "Participant", id: p.id }] },
      },
      token,
    );
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data._entities[0].employmentCenter.region.employmentCenters.length).toBeGreaterThan(0);
  });

  it("refuses more than 30 aliases, and the 10,000-alias attack before parsing it", async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: participants(first: 100) { totalCount }`).join(" ")} }`;
    expectRefused(await direct(aliases(31)), 400, "GRAPHQL_VALIDATION_FAILED", "Aliases limit of 30 exceeded, found 31.", "maxAliases");
    expectRefused(await direct(aliases(10_000)), 400, "GRAPHQL_PARSE_FAILED", "Token limit of 10000 exceeded.", "maxTokens");
  });

  it("keeps its page limit", async () => {
    const answer = await direct("{ participants(first: 101) { totalCount } }");
    expect(answer.body.errors?.map((e) => [e.message, e.extensions?.code])).toEqual([
      ['"first" must be between 1 and 100; got 101.', "BAD_USER_INPUT"],
    ]);
  });

  it("refuses a mutation it does not have as a validation error, not an internal one", async () => {
    expectRefused(
      await direct("mutation { regions { code } }"),
      400,
      "GRAPHQL_VALIDATION_FAILED",
      'Cannot query field "regions" on type "Mutation".',
    );
  });
});
