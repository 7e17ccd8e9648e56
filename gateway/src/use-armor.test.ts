import { ApolloServer, HeaderMap } from "@apollo/server";
import { useArmor } from "./use-armor";

/** The gateway's armor on a small schema, through Apollo Server: each refusal is a 400 with a plain message. */
async function serverWith(development: boolean) {
  const armor = useArmor({ development, limits: { maxDepth: 3, maxAliases: 2, maxDirectives: 1, maxTokens: 30, maxCost: 50 } });
  const server = new ApolloServer({
    typeDefs: "type Query { a: A list(first: Int): [A!]! } type A { b: A x: Int }",
    resolvers: { Query: { a: () => ({}), list: () => [] }, A: { b: () => ({}), x: () => 1 } },
    validationRules: armor.validationRules,
    parseOptions: armor.parseOptions,
    plugins: armor.plugins,
    includeStacktraceInErrorResponses: false,
  });
  await server.start();
  const send = async (query: string) => {
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: "POST", headers: new HeaderMap([["content-type", "application/json"]]), body: { query }, search: "" },
      context: () => Promise.resolve({}),
    });
    const body = JSON.parse((response.body as { string: string }).string) as {
      errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
    };
    return { status: response.status ?? 200, errors: body.errors?.map((e) => [e.message, e.extensions.code, e.extensions.limit]) };
  };
  return { server, send };
}

describe("useArmor", () => {
  let production: Awaited<ReturnType<typeof serverWith>>;
  let development: Awaited<ReturnType<typeof serverWith>>;
  beforeAll(async () => {
    production = await serverWith(false);
    development = await serverWith(true);
  });
  afterAll(async () => {
    await production.server.stop();
    await development.server.stop();
  });

  it("lets an operation within every limit through", async () => {
    expect(await production.send("{ a { b { x } } }")).toEqual({ status: 200, errors: undefined });
  });

  it.each([
    ["depth", "{ a { b { b { x } } } }", "Query depth limit of 3 exceeded, found 4.", "maxDepth"],
    ["aliases", "{ p: a { x } q: a { x } r: a { x } }", "Aliases limit of 2 exceeded, found 3.", "maxAliases"],
    ["directives", "{ a @include(if: true) { x @skip(if: false) } }", "Directives limit of 1 exceeded, found 2.", "maxDirectives"],
    ["cost", "{ list(first: 100) { x } }", "Query Cost limit of 50 exceeded, found 350.", "costLimit"],
  ])("refuses too many %s: HTTP 400, GRAPHQL_VALIDATION_FAILED, naming the limit", async (_what, query, message, limit) => {
    expect(await production.send(query)).toEqual({ status: 400, errors: [[message, "GRAPHQL_VALIDATION_FAILED", limit]] });
  });

  it("refuses too many tokens before parsing: HTTP 400, GRAPHQL_PARSE_FAILED", async () => {
    expect(await production.send(`{ ${"a { x } ".repeat(10)}}`)).toEqual({
      status: 400,
      errors: [["Token limit of 30 exceeded.", "GRAPHQL_PARSE_FAILED", "maxTokens"]],
    });
  });

  it("refuses a mutation against a schema without mutations: HTTP 400, not 500", async () => {
    expect(await production.send("mutation { a }")).toEqual({
      status: 400,
      errors: [["This graph has no mutation operations: it answers queries only.", "GRAPHQL_VALIDATION_FAILED", undefined]],
    });
  });

  it("hides field suggestions outside development only", async () => {
    expect((await production.send("{ a { xx } }")).errors).toEqual([
      ['Cannot query field "xx" on type "A". [Suggestion hidden]?', "GRAPHQL_VALIDATION_FAILED", undefined],
    ]);
    expect((await development.send("{ a { xx } }")).errors).toEqual([
      ['Cannot query field "xx" on type "A". Did you mean "x"?', "GRAPHQL_VALIDATION_FAILED", undefined],
    ]);
  });
});
