import { ApolloServer } from "@apollo/server";
import { ANONYMOUS, type Viewer } from "@lib/auth/viewer";
import { defaultIntrospectionMode, useIntrospectionRule, type IntrospectionMode } from "./use-introspection-rule";

async function ask(mode: IntrospectionMode, query: string, viewer?: Viewer) {
  const server = new ApolloServer<{ viewer?: Viewer }>({
    typeDefs: "type Query { a: Int }",
    resolvers: { Query: { a: () => 1 } },
    introspection: true,
    plugins: [useIntrospectionRule(mode)],
  });
  await server.start();
  try {
    const response = await server.executeOperation({ query }, { contextValue: viewer ? { viewer } : {} });
    const result = response.body.kind === "single" ? response.body.singleResult : undefined;
    return { status: response.http.status, data: result?.data, errors: result?.errors?.map((e) => [e.message, e.extensions?.code]) };
  } finally {
    await server.stop();
  }
}

const user = { kind: "user", sub: "counselor-7" } as Viewer;
const REFUSED = {
  status: 403,
  data: undefined,
  errors: [
    [
      "Introspection (__schema, __type) is for signed-in users: send `Authorization: Bearer <token>` (in GraphiQL, the Headers tab).",
      "FORBIDDEN",
    ],
  ],
};

it("is open in development and for signed-in users otherwise", () => {
  expect(defaultIntrospectionMode(true)).toBe("open");
  expect(defaultIntrospectionMode(false)).toBe("authenticated");
});

it.each([
  ["__schema", "{ __schema { queryType { name } } }"],
  ["__type", '{ __type(name: "Query") { name } }'],
  ["__schema in a fragment", "{ ...F } fragment F on Query { __schema { queryType { name } } }"],
  ["__type in an inline fragment", '{ ... on Query { __type(name: "Query") { name } } }'],
])("refuses %s to an anonymous caller (and to a context without a viewer)", async (_what, query) => {
  expect(await ask("authenticated", query, ANONYMOUS)).toEqual(REFUSED);
  expect(await ask("authenticated", query)).toEqual(REFUSED);
});

it("answers a signed-in user, and anyone in open mode", async () => {
  const answer = { status: undefined, data: { __schema: { queryType: { name: "Query" } } }, errors: undefined };
  expect(await ask("authenticated", "{ __schema { queryType { name } } }", user)).toEqual(answer);
  expect(await ask("open", "{ __schema { queryType { name } } }", ANONYMOUS)).toEqual(answer);
});

it("never counts __typename or ordinary fields as introspection", async () => {
  expect(await ask("authenticated", "{ __typename a }", ANONYMOUS)).toEqual({
    status: undefined,
    data: { __typename: "Query", a: 1 },
    errors: undefined,
  });
});
