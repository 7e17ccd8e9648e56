import { Kind, type ConstDirectiveNode, type ConstValueNode } from "graphql";
import type { Viewer } from "./viewer";

/**
 * A field's or type's access rule, as Federation's authorization directives write it in the schema:
 * `@authenticated`, `@requiresScopes(scopes: [[…]])`, `@policy(policies: [[…]])`. The inner lists are ANDed, the
 * outer ones ORed; all directives present must hold. The gateway reads them from the supergraph, each subgraph from
 * its own schema, and both evaluate them with {@link fieldRefusal}, so the rule is written once and enforced twice.
 */
export interface AccessRule {
  authenticated: boolean;
  scopes: string[][] | null;
  policies: string[][] | null;
}

/**
 * Policies are named conditions on the viewer, evaluated per request (the role of a coprocessor in Apollo's router):
 * - `office-staff`: the user works for an office (an employment, local job, Saeil center or welfare partner); the
 *   records of a person's case are for the people handling it, never for ministry roles.
 */
export const POLICIES: Record<string, (viewer: Viewer) => boolean> = {
  "office-staff": (viewer) => viewer.kind === "user" && viewer.org !== null,
};

const NAMES = new Set(["authenticated", "requiresScopes", "policy"]);

/** The rule of a schema element from its directives (as printed in a subgraph or the supergraph), or null. */
export function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): AccessRule | null {
  const own = (directives ?? []).filter((d) => NAMES.has(d.name.value));
  if (own.length === 0) return null;
  const rule: AccessRule = { authenticated: false, scopes: null, policies: null };
  for (const directive of own) {
    if (directive.name.value === "authenticated") rule.authenticated = true;
    const arg = directive.arguments?.[0]?.value;
    if (directive.name.value === "requiresScopes" && arg) rule.scopes = nestedStrings(arg);
    if (directive.name.value === "policy" && arg) rule.policies = nestedStrings(arg);
  }
  return rule;
}

function nestedStrings(value: ConstValueNode): string[][] {
  if (value.kind !== Kind.LIST) return [];
  return value.values.map((inner) =>
    inner.kind === Kind.LIST ? inner.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : [])) : [],
  );
}

/** Why a viewer is refused, for the error people read; null when the rule allows them. */
export function refusal(rule: AccessRule, viewer: Viewer): string | null {
  if ((rule.authenticated || rule.scopes || rule.policies) && viewer.kind !== "user") return "sign-in required";
  if (rule.scopes && viewer.kind === "user" && !rule.scopes.some((all) => all.every((s) => viewer.scopes.has(s as never)))) {
    return `requires ${rule.scopes.map((all) => all.join(" and ")).join(" or ")}`;
  }
  if (rule.policies && !rule.policies.some((all) => all.every((p) => POLICIES[p]?.(viewer) ?? false))) {
    return `requires the ${rule.policies.map((all) => all.join(" and ")).join(" or ")} policy`;
  }
  return null;
}

/**
 * Why a viewer may not read a field, or null: every rule that applies to it must hold (its own, its parent type's
 * and its returned type's). The gateway (from the supergraph) and each subgraph (from its schema) ask this of the
 * same rules, so a field is refused in both places for the same reason.
 */
export function fieldRefusal(rules: readonly (AccessRule | null | undefined)[], viewer: Viewer): string | null {
  for (const rule of rules) {
    const reason = rule ? refusal(rule, viewer) : null;
    if (reason !== null) return reason;
  }
  return null;
}
