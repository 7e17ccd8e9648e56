import type { ApolloServerPlugin } from "@apollo/server";
import type { RequestHandler } from "express";
import type { ParseOptions, ValidationRule } from "graphql";
import { ARMOR_ALL_OFF, armorProtections, armorRejection, tokenLimitMessage } from "@lib/graphql/armor";
import { knownOperationTypesRule } from "@lib/graphql/input-checks";

/**
 * The gateway's limits on the shape of an operation, checked before it is planned: how deep it nests, how many
 * aliases, directives and tokens it has, and its cost as graphql-armor counts it. Sized on the client contract
 * (test/contract/operations.graphql), measured with graphql-armor's own counting over the supergraph's API schema
 * (gateway/src/use-armor.test.ts measures them again and fails when the contract outgrows a limit):
 *
 * | operation         | depth | aliases | directives | tokens | cost |
 * |-------------------|------:|--------:|-----------:|-------:|-----:|
 * | Participant360    |     5 |       0 |          0 |    145 |  381 |
 * | Caseload          |     6 |       0 |          0 |     74 |  108 |
 * | RegionDirectory   |     4 |       0 |          0 |     49 |   51 |
 * | ProgramReport     |     4 |       0 |          0 |     41 |   45 |
 * | CenterYear        |     3 |       0 |          0 |     45 |   25 |
 * | LocalCenterYear   |     3 |       0 |          0 |     40 |   17 |
 * | EmploymentCenters |     3 |       0 |          0 |     27 |   14 |
 * | WelfarePartners   |     3 |       0 |          0 |     34 |   12 |
 * | 30 mutations      |   2–3 |       0 |          0 |  22–30 | 5–18 |
 * | ProgramBreakdown  |     5 |       0 |          0 |     79 |  188 |
 * | the whole file    |       |         |            |  1,284 |      |
 *
 * - depth 7: the deepest operation is 6. Depth is what makes nesting expensive here: `regions → employmentCenters →
 *   region → …` answered in 0.6 s at depth 7, 1.5 s at 8, and kept job-centers busy past the 10 s timeout at 9.
 * - aliases 15: the contract has none; GraphiQL users compare a few years side by side (`y2021: annualStats(…)`).
 *   10,000 aliases of `participants(first: 100)` once ran the gateway out of memory; 200 paged out every participant.
 * - directives 10: the contract has none; a few `@include`/`@skip` stay possible.
 * - tokens 3,000: clients send the contract file whole with an `operationName` (1,284 tokens: 518 of queries, 750 of
 *   the mutations, 16 of ProgramBreakdown's fragment), and the limit is more than twice that; the introspection query GraphiQL sends is under 200. The
 *   attacks it stops first are far longer (200 aliases of a paged list: 5,402 tokens; 10,000 aliases: 110,002).
 *   Checked by the parser itself (Apollo Server's `parseOptions.maxTokens`): a longer document is not even parsed. (graphql-armor's own token limit throws from a hook Apollo Server 5 does not expect,
 *   which answers HTTP 500; the parser's limit is a parse error, HTTP 400 `GRAPHQL_PARSE_FAILED`.)
 * - cost 20,000: armor's cost grows with nesting (×1.5 a level) and multiplies by a literal `first`. The contract's
 *   dearest operation costs 381 with its variables; the Caseload selection at the largest page (`first: 100`
 *   written in the query) costs 10,766 and must pass. Pages nested in pages written literally (`participants(first:
 *   100) { … counselingSessions(first: 100) … }`) cost hundreds of thousands and are refused. `first` given in a
 *   variable is not multiplied: the page limit (1–100, checked by the subgraph) and depth bound those.
 *
 * Every refusal is a validation error, HTTP 400 `GRAPHQL_VALIDATION_FAILED`, whose message names the limit and what
 * was found ("Query depth limit of 7 exceeded, found 9."), and `extensions.limit` (`maxDepth`, `maxAliases`,
 * `maxDirectives`, `costLimit`); the token limit is a parse error, HTTP 400 `GRAPHQL_PARSE_FAILED`, "Token limit of
 * 3000 exceeded.", `extensions.limit: "maxTokens"`. The subgraphs apply their own depth and alias limits
 * (lib/http/subgraph-limits.ts).
 */
export const GATEWAY_LIMITS = {
  maxDepth: 7,
  maxAliases: 15,
  maxDirectives: 10,
  maxTokens: 3_000,
  maxCost: 20_000,
} as const;

export interface GatewayLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
}

/** What {@link useArmor} adds to the gateway's Apollo Server. */
export interface ArmorSetup {
  plugins: ApolloServerPlugin[];
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
}

/**
 * graphql-armor's protections for the gateway: the limits above as validation rules, and outside development no
 * "Did you mean …?" in validation errors (field suggestions would spell out the schema to whoever guesses at it).
 * Also refuses an operation type the schema lacks (`subscription`: the graph has none) at validation, as a 400.
 */
export function useArmor(options: { development: boolean; limits?: Partial<GatewayLimits> }): ArmorSetup {
  const limits = { ...GATEWAY_LIMITS, ...options.limits };
  const armor = armorProtections({
    ...ARMOR_ALL_OFF,
    blockFieldSuggestion: { enabled: !options.development },
    maxDepth: { n: limits.maxDepth, ...armorRejection("maxDepth") },
    maxAliases: { n: limits.maxAliases, ...armorRejection("maxAliases") },
    maxDirectives: { n: limits.maxDirectives, ...armorRejection("maxDirectives") },
    costLimit: { maxCost: limits.maxCost, ...armorRejection("costLimit") },
  });
  return {
    plugins: [...armor.plugins, tokenLimitMessage()],
    validationRules: [knownOperationTypesRule, ...armor.validationRules],
    parseOptions: { maxTokens: limits.maxTokens },
  };
}

/**
 * A JSON array of operations in one request (batching) is refused before anything else reads it: one request, one
 * operation, so that every limit here counts per operation. Apollo Server refuses it too
 * (`allowBatchedHttpRequests: false`), after building the request's context, with "Operation batching disabled.".
 */
export const refuseBatchedRequests: RequestHandler = (req, res, next) => {
  if (!Array.isArray(req.body)) return next();
  res.status(400).json({
    errors: [
      {
        message: "Batched requests (a JSON array of operations) are not accepted: send one operation per request.",
        extensions: { code: "BAD_REQUEST" },
      },
    ],
  });
};
