import { Directive } from "type-graphql";
import type { Scope } from "@lib/auth/roles";
import type { POLICIES } from "@lib/auth/rules";

/**
 * Federation's authorization directives as decorators, so a rule is written on the type or field it protects and
 * shows in the committed supergraph. Each argument is one alternative: all its scopes (or policies) are needed, and
 * any one alternative suffices. Enforced by the gateway before planning and by the subgraph on its own data.
 */
export function RequiresScopes(...alternatives: Scope[][]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(`@requiresScopes(scopes: ${JSON.stringify(alternatives)})`);
}

export function Policy(...alternatives: (keyof typeof POLICIES)[][]): MethodDecorator & PropertyDecorator & ClassDecorator {
  return Directive(`@policy(policies: ${JSON.stringify(alternatives)})`);
}
