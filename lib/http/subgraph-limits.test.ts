import { buildSchema, parse, specifiedRules, validate } from "graphql";
import { SUBGRAPH_LIMITS, subgraphValidationRules } from "./subgraph-limits";

/** A subgraph's own limits, as validation rules: they report (HTTP 400 through Apollo Server), never throw. */
const schema = buildSchema(`
  type Query { region: Region, _entities: [Entity] }
  union Entity = Region
  type Region { code: String, centers: [Center] }
  type Center { region: Region, name: String }
`);
const check = (query: string, limits = { maxDepth: 3, maxAliases: 2, maxTokens: 100 }) =>
  validate(schema, parse(query), [...specifiedRules, ...subgraphValidationRules(limits)]).map((e) => [e.message, e.extensions.limit]);

it("refuses an operation deeper than the limit, counting fields only (an entity fetch's fragment is no level)", () => {
  expect(check("{ region { centers { name } } }")).toEqual([]);
  expect(check("{ _entities { ... on Region { centers { name } } } }")).toEqual([]);
  expect(check("{ region { centers { region { code } } } }")).toEqual([["Query depth limit of 3 exceeded, found 4.", "maxDepth"]]);
});

it("refuses more aliases than the limit", () => {
  expect(check("{ a: region { code } b: region { code } }")).toEqual([]);
  expect(check("{ a: region { code } b: region { code } c: region { code } }")).toEqual([
    ["Aliases limit of 2 exceeded, found 3.", "maxAliases"],
  ]);
});

it("refuses an operation type the schema lacks", () => {
  expect(check("mutation { region { code } }")).toEqual([["This graph has no mutation operations: it answers queries only.", undefined]]);
});

it("defaults to the gateway's depth, twice its aliases, and 10,000 tokens", () => {
  expect(SUBGRAPH_LIMITS).toEqual({ maxDepth: 7, maxAliases: 30, maxTokens: 10_000 });
});
