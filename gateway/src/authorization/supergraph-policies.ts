import { Kind, parse } from "graphql";
import { SCOPES } from "@lib/auth/roles";
import { POLICIES, ruleOf, type AccessRule } from "@lib/auth/rules";

/** Every access rule the supergraph declares: per type, and per field as `Type.field`. */
export interface SupergraphPolicies {
  types: ReadonlyMap<string, AccessRule>;
  fields: ReadonlyMap<string, AccessRule>;
}

/** The security features composition links `for: SECURITY`; Apollo Gateway refuses to load a supergraph with them. */
const SECURITY_LINK =
  /(@link\(url: "https:\/\/specs\.apollo\.dev\/(?:authenticated|requiresScopes|policy)\/v[\d.]+")\s*,\s*for:\s*SECURITY\s*\)/g;

/**
 * Splits a supergraph in two: the rules it declares (which our gateway enforces before planning), and the same SDL
 * with the security features' purpose removed, which Apollo Gateway plans over. Stock Apollo Gateway refuses a
 * supergraph whose security features it cannot enforce; ours enforces them, so it may load it.
 *
 * Throws on SDL that does not parse and on a rule naming a scope or policy this gateway does not know: such a rule
 * would refuse everyone (or, with a later typo fix, someone unexpected), so the supergraph is refused instead.
 */
export function splitSupergraph(sdl: string): { plannerSdl: string; policies: SupergraphPolicies } {
  const types = new Map<string, AccessRule>();
  const fields = new Map<string, AccessRule>();
  for (const definition of parse(sdl).definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    const typeName = definition.name.value;
    const typeRule = ruleOf(definition.directives);
    if (typeRule) types.set(typeName, typeRule);
    for (const field of definition.fields ?? []) {
      const rule = ruleOf(field.directives);
      if (rule) fields.set(`${typeName}.${field.name.value}`, rule);
    }
  }
  const unknown = [...types.values(), ...fields.values()].flatMap(unknownNames);
  if (unknown.length > 0)
    throw new Error(`the supergraph's access rules name unknown scopes or policies: ${[...new Set(unknown)].join(", ")}`);
  return { plannerSdl: sdl.replace(SECURITY_LINK, "$1)"), policies: { types, fields } };
}

function unknownNames(rule: AccessRule): string[] {
  const scopes = (rule.scopes ?? []).flat().filter((scope) => !(SCOPES as readonly string[]).includes(scope));
  const policies = (rule.policies ?? []).flat().filter((policy) => !(policy in POLICIES));
  return [...scopes.map((s) => `scope "${s}"`), ...policies.map((p) => `policy "${p}"`)];
}
