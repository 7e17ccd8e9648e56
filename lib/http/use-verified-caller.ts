import type { ApolloServerPlugin } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, type OperationDefinitionNode } from "graphql";
import type { SubgraphContext } from "./subgraph-context";

/**
 * A subgraph trusts no caller it has not verified: a request with neither a valid user token nor the gateway's
 * credential may ask for the composition query (`_service`, which holds only the public schema) and nothing else.
 */
export function useVerifiedCaller(): ApolloServerPlugin<SubgraphContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ contextValue, operation }) {
          if (contextValue.viewer.kind === "user" || contextValue.viaGateway) return Promise.resolve();
          if (operation && isCompositionQuery(operation)) return Promise.resolve();
          throw new GraphQLError("This service answers the gateway and callers with a valid bearer token only.", {
            extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
          });
        },
      });
    },
  };
}

function isCompositionQuery(operation: OperationDefinitionNode): boolean {
  return (
    operation.operation === OperationTypeNode.QUERY &&
    operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && (s.name.value === "_service" || s.name.value === "__typename"))
  );
}
