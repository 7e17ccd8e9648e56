import "reflect-metadata";
import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import type { GraphQLSchema } from "graphql";
import gql from "graphql-tag";
import merge from "lodash.merge";
import { buildSchema, createResolversMap, type BuildSchemaOptions } from "type-graphql";
import { enforceAccessRules } from "./enforce-access";

/** Federation 2 features the subgraphs use. */
const FEDERATION_LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@authenticated", "@requiresScopes", "@policy"])`;

export interface FederatedSchemaOptions {
  /** type-graphql resolver classes of this subgraph. */
  resolvers: BuildSchemaOptions["resolvers"];
  /** Types not reachable from a root field (entity stubs of other subgraphs). */
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  /** `__resolveReference` per entity type, keyed by type name. */
  referenceResolvers?: GraphQLResolverMap<unknown>;
}

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql produces the schema with its
 * directives, `@apollo/subgraph` adds `_entities`/`_service`, and both resolver maps are merged.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    validate: false,
    skipCheck: true,
  });
  const typeDefs = gql(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`);
  const resolvers = merge(createResolversMap(schema), options.referenceResolvers ?? {}) as GraphQLResolverMap<unknown>;
  return enforceAccessRules(buildSubgraphSchema([{ typeDefs, resolvers }]));
}
