import {
  defaultFieldResolver,
  getNamedType,
  isObjectType,
  type ConstDirectiveNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from "graphql";
import { fieldRefusal, ruleOf, type AccessRule } from "@lib/auth/rules";
import { ANONYMOUS, type Viewer } from "@lib/auth/viewer";
import { forbidden } from "./records-guard";

/**
 * The subgraph's own enforcement of the rules its schema declares (`@authenticated`, `@requiresScopes`, `@policy`):
 * every field whose own rule, parent type's rule or returned type's rule refuses the caller throws `FORBIDDEN`
 * instead of resolving. The gateway removes such fields before planning; this is the second line, for a caller
 * that reaches the subgraph with a token but not through the gateway, or a gateway that misbehaves.
 */
export function enforceAccessRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    const typeRule = typeRuleOf(type);
    for (const field of Object.values(type.getFields())) {
      const rules = [ruleOf(field.astNode?.directives), typeRule, typeRuleOf(getNamedType(field.type))].filter(
        (rule): rule is AccessRule => rule !== null,
      );
      if (rules.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const coordinate = `${type.name}.${field.name}`;
      field.resolve = (source, args, context: { viewer?: Viewer }, info) => {
        const reason = fieldRefusal(rules, context.viewer ?? ANONYMOUS);
        if (reason !== null) throw forbidden(coordinate, reason);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function typeRuleOf(type: GraphQLNamedType): AccessRule | null {
  const directives = [type.astNode, ...(type.extensionASTNodes ?? [])].flatMap((node) => (node?.directives ?? []) as ConstDirectiveNode[]);
  return ruleOf(directives);
}
