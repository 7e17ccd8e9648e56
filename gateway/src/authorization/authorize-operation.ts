import {
  getNamedType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type SelectionSetNode,
} from "graphql";
import { fieldRefusal } from "@lib/auth/rules";
import type { Viewer } from "@lib/auth/viewer";
import type { SupergraphPolicies } from "./supergraph-policies";

/** A field taken out of an operation before planning, and why. */
export interface Refusal {
  /** `Type.field` */
  coordinate: string;
  /** Response keys from the root, without list indices (as Apollo's router reports them). */
  path: string[];
  reason: string;
}

/** What the viewer may run of an operation: the document without the fields they may not read, and those fields. */
export interface AuthorizedOperation {
  document: DocumentNode;
  refusals: Refusal[];
}

const TYPENAME: FieldNode = { kind: Kind.FIELD, name: { kind: Kind.NAME, value: "__typename" } };

/**
 * Removes from `document` every field whose rule (its own, or its return type's) refuses `viewer`. A selection set
 * left empty keeps `__typename`, so the object itself still comes back; the caller puts `null` where fields went.
 */
export function authorizeOperation(
  schema: GraphQLSchema,
  policies: SupergraphPolicies,
  document: DocumentNode,
  operationName: string | undefined,
  viewer: Viewer,
): AuthorizedOperation {
  const refusals: Refusal[] = [];
  // only the operation being run, and the fragments it may use: a document can hold many operations
  let seen = false;
  const operation = document.definitions.filter((d) => {
    if (d.kind === Kind.FRAGMENT_DEFINITION) return true;
    if (d.kind !== Kind.OPERATION_DEFINITION || seen || (operationName !== undefined && d.name?.value !== operationName)) return false;
    return (seen = true);
  });
  const typeInfo = new TypeInfo(schema);
  const filtered = visit(
    { ...document, definitions: operation },
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter(node, _key, _parent, _path, ancestors) {
          const parentType = typeInfo.getParentType();
          const fieldDef = typeInfo.getFieldDef();
          if (!parentType || !fieldDef || node.name.value.startsWith("__")) return undefined;
          const coordinate = `${parentType.name}.${node.name.value}`;
          const returned = getNamedType(fieldDef.type).name;
          const rules = [policies.fields.get(coordinate), policies.types.get(parentType.name), policies.types.get(returned)];
          const reason = fieldRefusal(rules, viewer);
          if (reason === null) return undefined;
          refusals.push({ coordinate, path: [...responsePath(ancestors), node.alias?.value ?? node.name.value], reason });
          return null;
        },
      },
      SelectionSet: {
        leave(node): SelectionSetNode | undefined {
          return node.selections.length === 0 ? { ...node, selections: [TYPENAME] } : undefined;
        },
      },
    }),
  );
  return { document: filtered, refusals };
}

/** The response keys of the fields enclosing a node (fragments add none). */
function responsePath(ancestors: ReadonlyArray<ASTNode | readonly ASTNode[]>): string[] {
  const keys: string[] = [];
  for (const ancestor of ancestors) {
    if (!Array.isArray(ancestor) && (ancestor as ASTNode).kind === Kind.FIELD) {
      const field = ancestor as FieldNode;
      keys.push(field.alias?.value ?? field.name.value);
    }
  }
  return keys;
}
