import {
  getNullableType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLSchema,
  type GraphQLType,
  type SelectionSetNode,
} from "graphql";

type Json = Record<string, unknown>;

/**
 * Puts `null` back where the viewer asked for a field the gateway took out of the plan, so the response has the
 * shape of the operation the client sent. A refused non-null field makes its object null, as any null in a non-null
 * field does in GraphQL, up to the nearest nullable field (the whole `data` when a non-null root field is refused).
 */
export function fillRefused(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined, data: Json): Json | null {
  const operation = document.definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && (operationName === undefined || d.name?.value === operationName),
  );
  if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return data;
  const root = schema.getRootType(operation.operation);
  if (!root) return data;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  return fillObject(root, operation.selectionSet, data, fragments) ? data : null;
}

function fillObject(
  type: GraphQLObjectType,
  selections: SelectionSetNode,
  object: Json,
  fragments: Map<string, FragmentDefinitionNode>,
): boolean {
  // the gateway keeps `__typename` in a selection it emptied; the client gets it only if it asked for it
  if ("__typename" in object && !asksFor(selections, "__typename", fragments)) delete object.__typename;
  for (const selection of selections.selections) {
    if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (fragment && (!fragment.typeCondition || fragment.typeCondition.name.value === type.name)) {
        if (!fillObject(type, fragment.selectionSet, object, fragments)) return false;
      }
      continue;
    }
    const key = selection.alias?.value ?? selection.name.value;
    const field = type.getFields()[selection.name.value];
    if (!field) continue;
    if (!(key in object)) {
      if (isNonNullType(field.type)) return false;
      object[key] = null;
      continue;
    }
    if (selection.selectionSet && !fillValue(field.type, selection.selectionSet, object[key], fragments)) {
      if (isNonNullType(field.type)) return false;
      object[key] = null;
    }
  }
  return true;
}

function fillValue(
  type: GraphQLType,
  selections: SelectionSetNode,
  value: unknown,
  fragments: Map<string, FragmentDefinitionNode>,
): boolean {
  if (value === null || value === undefined) return true;
  const inner = getNullableType(type);
  if (isListType(inner) && Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (!fillValue(inner.ofType, selections, value[i], fragments)) {
        if (isNonNullType(inner.ofType)) return false;
        value[i] = null;
      }
    }
    return true;
  }
  return isObjectType(inner) ? fillObject(inner, selections, value as Json, fragments) : true;
}

function asksFor(selections: SelectionSetNode, key: string, fragments: Map<string, FragmentDefinitionNode>): boolean {
  return selections.selections.some((selection) => {
    if (selection.kind === Kind.FIELD) return (selection.alias?.value ?? selection.name.value) === key;
    const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
    return fragment ? asksFor(fragment.selectionSet, key, fragments) : false;
  });
}
