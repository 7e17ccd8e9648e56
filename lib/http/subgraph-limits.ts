import type { ApolloServerPlugin } from "@apollo/server";
import type { GraphQLSchema, ParseOptions, ValidationRule } from "graphql";
import { ARMOR_ALL_OFF, armorProtections, armorRejection, tokenLimitMessage } from "@lib/graphql/armor";
import { guardArguments, knownOperationTypesRule } from "@lib/graphql/input-checks";

/**
 * A subgraph's own limits, for a caller that reaches its port directly instead of through the gateway (whose limits
 * are in gateway/src/use-armor.ts). Sized so that the gateway's query plan of every operation the gateway accepts
 * passes; measured on the plans of the client contract (test/contract/operations.graphql), per subgraph, with
 * graphql-armor's counting (fragments flattened, see below):
 *
 * | subgraph operation                                   | depth | aliases |
 * |------------------------------------------------------|------:|--------:|
 * | job-centers, Caseload root fetch (participants…)     |     5 |       0 |
 * | job-centers, Participant360 root fetch               |     5 |       0 |
 * | saeil-centers, Participant360 `_entities` fetch      |     5 |       0 |
 * | any other fetch of the contract                      |   ≤ 5 |       0 |
 *
 * Depth counts fields only (`flattenFragments`): the gateway reaches an entity with `_entities { ... on T { … } }`,
 * one level for `_entities` in place of the one or more levels of the path that led to the entity, so a plan of an
 * operation within the gateway's depth limit never nests deeper than that limit. Hence the same number, 7 (the
 * contract's deepest operation, Caseload, is 6 deep at the gateway). At 7 a direct caller can still nest
 * `regions → employmentCenters → region → …` no deeper than the gateway allows (measured: 0.6 s); the 9-deep
 * version of that query kept job-centers busy for more than 10 s.
 *
 * Aliases: the contract's plans have none. The query planner adds its own only where two fields of one selection
 * would otherwise clash, at most one per field the client asked for; 30 is twice the gateway's limit of 15.
 *
 * Tokens: the contract's subgraph operations have at most 96 (Participant360's job-centers fetch, of its 145). A plan
 * adds `__typename`, key fields and `_entities` around what the client asked for; 10,000 is over three times the
 * gateway's 3,000 and stops a 400 KB document before it is parsed (the 10,000-alias attack, sent straight to a
 * subgraph, took half a second to refuse by its aliases alone).
 */
export const SUBGRAPH_LIMITS = {
  maxDepth: 7,
  maxAliases: 30,
  maxTokens: 10_000,
} as const;

export interface SubgraphLimits {
  maxDepth: number;
  maxAliases: number;
  maxTokens: number;
}

/**
 * Validation rules of a subgraph: graphql-armor's depth and alias limits, and operation types the schema has
 * (`mutation` against a read-only schema is a validation error, not an internal one).
 */
export function subgraphValidationRules(limits: SubgraphLimits = SUBGRAPH_LIMITS): ValidationRule[] {
  const armor = armorProtections({
    ...ARMOR_ALL_OFF,
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...armorRejection("maxDepth") },
    maxAliases: { n: limits.maxAliases, ...armorRejection("maxAliases") },
  });
  return [knownOperationTypesRule, ...armor.validationRules];
}

/**
 * What the shared subgraph server applies to every subgraph: the schema with its arguments guarded (a NUL character
 * in any text argument is BAD_USER_INPUT naming it; `_entities` refuses a malformed representation alone), the
 * validation rules above, and the token limit (checked by the parser). The page-size limit (`first` 1–100) lives
 * with pagination (lib/graphql/pagination.ts).
 */
export function protectSubgraph(
  schema: GraphQLSchema,
  limits: SubgraphLimits = SUBGRAPH_LIMITS,
): { schema: GraphQLSchema; validationRules: ValidationRule[]; parseOptions: ParseOptions; plugins: ApolloServerPlugin[] } {
  return {
    schema: guardArguments(schema),
    validationRules: subgraphValidationRules(limits),
    parseOptions: { maxTokens: limits.maxTokens },
    plugins: [tokenLimitMessage()],
  };
}
