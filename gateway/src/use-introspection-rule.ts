import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode } from "graphql";
import type { Viewer } from "@lib/auth/viewer";

/**
 * Who may read the schema by introspection (`__schema`, `__type`): `open` lets anyone (development, where GraphiQL
 * loads the schema before anyone pastes a token), `authenticated` only a caller with a valid token. `__typename` is
 * not introspection and always allowed.
 */
export type IntrospectionMode = "authenticated" | "open";

export const INTROSPECTION_MODES: readonly IntrospectionMode[] = ["authenticated", "open"];

/** The default: open in development only. */
export function defaultIntrospectionMode(development: boolean): IntrospectionMode {
  return development ? "open" : "authenticated";
}

/**
 * Refuses introspection to anonymous callers in `authenticated` mode: `FORBIDDEN`, HTTP 403, and no data. It reads
 * `contextValue.viewer` (lib/auth/viewer.ts); a context without one counts as anonymous. It acts once the operation
 * is known (`didResolveOperation`), per request: Apollo Server caches validated documents, so a validation rule
 * would not see the second caller of the same query.
 */
export function useIntrospectionRule(mode: IntrospectionMode): ApolloServerPlugin<BaseContext> {
  return {
    requestDidStart() {
      if (mode === "open") return Promise.resolve();
      return Promise.resolve({
        didResolveOperation({ contextValue, operation, document }) {
          const viewer = (contextValue as { viewer?: Viewer }).viewer;
          if (viewer?.kind === "user") return Promise.resolve();
          const fragments = new Map(
            document.definitions
              .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
              .map((fragment) => [fragment.name.value, fragment]),
          );
          if (!operation || !asksForSchema(operation, fragments)) return Promise.resolve();
          throw new GraphQLError(
            "Introspection (__schema, __type) is for signed-in users: send `Authorization: Bearer <token>` (in GraphiQL, the Headers tab).",
            { extensions: { code: "FORBIDDEN", reason: "sign-in required", http: { status: 403 } } },
          );
        },
      });
    },
  };
}

/** Whether the operation's root selection (fragments included) asks for `__schema` or `__type`. */
function asksForSchema(operation: OperationDefinitionNode, fragments: ReadonlyMap<string, FragmentDefinitionNode>): boolean {
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === "__schema" || selection.name.value === "__type";
      if (selection.kind === Kind.INLINE_FRAGMENT) return walk(selection.selectionSet);
      const name = selection.name.value;
      if (seen.has(name)) return false;
      seen.add(name);
      const fragment = fragments.get(name);
      return fragment ? walk(fragment.selectionSet) : false;
    });
  return walk(operation.selectionSet);
}
