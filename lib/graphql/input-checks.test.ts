import { buildSubgraphSchema } from "@apollo/subgraph";
import { graphql, parse, validate, specifiedRules, buildSchema } from "graphql";
import gql from "graphql-tag";
import { guardArguments, isCalendarDate, knownOperationTypesRule, malformedKeyError, nulCharacterAt, quote } from "./input-checks";

describe("isCalendarDate", () => {
  it.each(["2022-03-01", "2024-02-29", "2000-02-29", "0001-01-01", "9999-12-31", "2022-12-31"])("accepts %s", (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each(["2022-02-30", "2022-02-29", "1900-02-29", "2022-04-31", "2022-13-01", "2022-00-10", "2022-01-00", "0000-01-01", "2022-1-01"])(
    "refuses %s",
    (date) => {
      expect(isCalendarDate(date)).toBe(false);
    },
  );

  it("refuses what is not a string in that form", () => {
    for (const value of [20220301, null, undefined, "2022-03-01T00:00:00Z", " 2022-03-01", "2022-03-01\u0000"]) {
      expect(isCalendarDate(value)).toBe(false);
    }
  });
});

describe("nulCharacterAt", () => {
  it("finds a NUL character however deep, object keys included, and says where", () => {
    expect(nulCharacterAt("2\u00008")).toBe("");
    expect(nulCharacterAt({ stage: "X", regionCode: "2\u00008" })).toBe(".regionCode");
    expect(nulCharacterAt([{ id: "a" }, { id: "b\u0000" }])).toBe("[1].id");
    expect(nulCharacterAt({ "a\u0000": 1 })).toBe("");
    expect(nulCharacterAt({ a: { b: ["x", "\u0000"] } })).toBe(".a.b[1]");
  });

  it("answers null when there is none", () => {
    for (const value of ["28", 28, null, undefined, true, [], {}, { a: ["b", { c: "d" }] }]) expect(nulCharacterAt(value)).toBeNull();
  });
});

it("quotes a client's value as JSON, cut to 64 characters", () => {
  expect(quote("not-a-uuid")).toBe('"not-a-uuid"');
  expect(quote(42)).toBe("42");
  expect(quote(undefined)).toBe("undefined");
  expect(quote("x".repeat(100))).toBe(`"${"x".repeat(63)}…`);
});

describe("guardArguments", () => {
  const schema = () =>
    guardArguments(
      buildSubgraphSchema({
        typeDefs: gql`
          extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
          input Filter {
            regionCode: String
            year: Int
          }
          type Query {
            echo(text: String, filter: Filter): String
            count(first: Int): Int
          }
          type Thing @key(fields: "id") {
            id: ID!
          }
        `,
        resolvers: {
          Query: { echo: (_: unknown, args: unknown) => JSON.stringify(args), count: (_: unknown, { first }: { first: number }) => first },
          Thing: {
            __resolveReference: (ref: { id: string }) =>
              /^\d+$/.test(ref.id) ? { id: ref.id } : Promise.reject(malformedKeyError("Thing", "id", ref.id, "digits")),
          },
        },
      }),
    );

  it("refuses a NUL character in a text argument, literal or variable, naming the argument", async () => {
    const guarded = schema();
    const literal = await graphql({ schema: guarded, source: '{ echo(text: "a\\u0000b") }' });
    expect(literal.errors?.map((e) => [e.message, e.extensions])).toEqual([
      [
        '"text" contains a NUL character (\\u0000), which no text here can hold; remove it.',
        { code: "BAD_USER_INPUT", argumentName: "text" },
      ],
    ]);
    const variable = await graphql({
      schema: guarded,
      source: "query($f: Filter) { echo(filter: $f) }",
      variableValues: { f: { regionCode: "2\u00008" } },
    });
    expect(variable.errors?.[0].message).toBe(
      '"filter.regionCode" contains a NUL character (\\u0000), which no text here can hold; remove it.',
    );
    expect(variable.errors?.[0].extensions).toEqual({ code: "BAD_USER_INPUT", argumentName: "filter" });
  });

  it("lets clean arguments through", async () => {
    const guarded = schema();
    expect((await graphql({ schema: guarded, source: '{ echo(text: "28", filter: { year: 2022 }) count(first: 3) }' })).data).toEqual({
      echo: '{"text":"28","filter":{"year":2022}}',
      count: 3,
    });
  });

  it("is idempotent", async () => {
    const twice = guardArguments(schema());
    const result = await graphql({ schema: twice, source: '{ echo(text: "\\u0000") }' });
    expect(result.errors).toHaveLength(1);
  });

  it("refuses a bad representation of _entities alone; the others resolve", async () => {
    const result = await graphql({
      schema: schema(),
      source: "query($r: [_Any!]!) { _entities(representations: $r) { ... on Thing { id } } }",
      variableValues: {
        r: [
          { __typename: "Thing", id: "1" },
          { __typename: "Thing", id: "x\u0000" },
          { __typename: "Thing", id: "not-digits" },
          { __typename: "Nope", id: "2" },
          { __typename: "Thing", id: "3" },
        ],
      },
    });
    expect(result.data).toEqual({ _entities: [{ id: "1" }, null, null, null, { id: "3" }] });
    const errors = [...(result.errors ?? [])].sort((a, b) => Number(a.path![1]) - Number(b.path![1]));
    expect(errors.map((e) => [e.path, e.message, e.extensions.code])).toEqual([
      [
        ["_entities", 1],
        '"representations[1].id" contains a NUL character (\\u0000), which no text here can hold; remove it.',
        "BAD_USER_INPUT",
      ],
      [["_entities", 2], 'Thing representation has a malformed id "not-digits": expected digits.', "BAD_USER_INPUT"],
      [["_entities", 3], 'representations[3] names no entity type of this service: __typename "Nope".', "BAD_USER_INPUT"],
    ]);
  });
});

describe("knownOperationTypesRule", () => {
  const schema = buildSchema("type Query { a: Int }");

  it("makes an operation type the schema lacks a validation error", () => {
    expect(validate(schema, parse("mutation { a }"), [...specifiedRules, knownOperationTypesRule]).map((e) => e.message)).toEqual([
      "This graph has no mutation operations: it answers queries only.",
    ]);
    expect(validate(schema, parse("subscription { a }"), [knownOperationTypesRule]).map((e) => e.message)).toEqual([
      "This graph has no subscription operations: it answers queries only.",
    ]);
  });

  it("names what a graph with mutations answers", () => {
    const withMutations = buildSchema("type Query { a: Int } type Mutation { b: Int }");
    expect(validate(withMutations, parse("subscription { a }"), [knownOperationTypesRule]).map((e) => e.message)).toEqual([
      "This graph has no subscription operations: it answers queries and mutations.",
    ]);
  });

  it("lets queries through", () => {
    expect(validate(schema, parse("{ a }"), [...specifiedRules, knownOperationTypesRule])).toEqual([]);
  });
});
