import {
  defaultFieldResolver,
  getNamedType,
  GraphQLError,
  isInputObjectType,
  isObjectType,
  isScalarType,
  OperationTypeNode,
  type GraphQLFieldResolver,
  type GraphQLInputType,
  type GraphQLSchema,
  type ValidationRule,
} from "graphql";

/**
 * Checks on values a client controls, made before they reach SQL or another subgraph. A value PostgreSQL cannot
 * take (a NUL character in text, 2022-02-30 as a date) would otherwise come back as an internal error
 * ("invalid byte sequence", "date/time field value out of range"); here it is the client's mistake,
 * `BAD_USER_INPUT`, with a message naming the argument.
 */

/** Longest piece of a client's value quoted back in a message: enough to recognise it, not a reflection channel. */
const QUOTE_MAX = 64;

/** A client's value as quoted in an error message: JSON, cut to {@link QUOTE_MAX} characters. */
export function quote(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
}

function userInputError(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A real calendar date written `YYYY-MM-DD`, year 0001–9999: `2024-02-29` yes, `2022-02-30`, `2022-13-01` and
 * `0000-01-01` no. (`Date.parse` accepts 2022-02-30 and rolls it over to March 2nd.)
 */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== "string") return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/**
 * Where in `value` (an argument's value: a string, a list, an input object, a representation) a string holds a NUL
 * character, as a path such as `.regionCode` or `[2].id` (the empty string for `value` itself); null when none does.
 * Object keys count too.
 */
export function nulCharacterAt(value: unknown, path = ""): string | null {
  if (typeof value === "string") return value.includes("\u0000") ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = nulCharacterAt(value[i], `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (key.includes("\u0000")) return path;
      const found = nulCharacterAt(item, `${path}.${key}`);
      if (found !== null) return found;
    }
  }
  return null;
}

function nulCharacterError(argumentPath: string, argumentName: string): GraphQLError {
  return userInputError(`"${argumentPath}" contains a NUL character (\\u0000), which no text here can hold; remove it.`, {
    argumentName,
  });
}

/** Whether a value of this input type can carry text (String, ID, a custom scalar such as Date or _Any). */
function mayHoldText(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (isScalarType(named)) return !["Int", "Float", "Boolean"].includes(named.name);
  if (!isInputObjectType(named)) return false; // an enum's values are names the schema fixed
  if (seen.has(named.name)) return false;
  seen.add(named.name);
  return Object.values(named.getFields()).some((field) => mayHoldText(field.type, seen));
}

const GUARDED = Symbol("njsp.argumentsGuarded");

/**
 * Wraps the resolver of every field that takes a text argument so that a NUL character anywhere in its arguments
 * (from a literal or a variable, however deep in an input object) is `BAD_USER_INPUT` naming the argument, before
 * the resolver runs. `_entities` is checked per representation: a bad one fails alone, the others resolve; so does
 * a representation of a type this subgraph does not have. Changes `schema` in place and returns it; idempotent.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = (field.resolve ?? defaultFieldResolver) as GraphQLFieldResolver<unknown, unknown> & { [GUARDED]?: true };
      if (resolve[GUARDED]) continue;
      let guarded: GraphQLFieldResolver<unknown, unknown> & { [GUARDED]?: true };
      if (type === schema.getQueryType() && field.name === "_entities") {
        guarded = (source, args: { representations?: unknown }, context, info) => {
          const representations = Array.isArray(args.representations) ? (args.representations as unknown[]) : [];
          const refusals = representations.map((representation, i) => representationProblem(schema, representation, i));
          if (refusals.every((refusal) => refusal === null)) return resolve(source, args, context, info);
          const accepted = representations.filter((_, i) => refusals[i] === null);
          const resolved = (accepted.length > 0 ? resolve(source, { ...args, representations: accepted }, context, info) : []) as unknown[];
          let next = 0;
          // graphql-js completes a list item that is an Error as that item's error: the other entries still resolve
          return refusals.map((refusal) => refusal ?? resolved[next++]);
        };
      } else {
        const textArguments = field.args.filter((arg) => mayHoldText(arg.type)).map((arg) => arg.name);
        if (textArguments.length === 0) continue;
        guarded = (source, args: Record<string, unknown>, context, info) => {
          for (const name of textArguments) {
            const at = nulCharacterAt(args[name]);
            if (at !== null) throw nulCharacterError(`${name}${at}`, name);
          }
          return resolve(source, args, context, info);
        };
      }
      guarded[GUARDED] = true;
      field.resolve = guarded;
    }
  }
  return schema;
}

/** Why `_entities` must refuse the representation at `index`, or null when it may be resolved. */
function representationProblem(schema: GraphQLSchema, representation: unknown, index: number): GraphQLError | null {
  const at = nulCharacterAt(representation);
  if (at !== null) return nulCharacterError(`representations[${index}]${at}`, "representations");
  const typename = (representation as { __typename?: unknown } | null)?.__typename;
  const type = typeof typename === "string" ? schema.getType(typename) : undefined;
  if (!type || !isObjectType(type)) {
    return userInputError(`representations[${index}] names no entity type of this service: __typename ${quote(typename)}.`, {
      argumentName: "representations",
    });
  }
  return null;
}

/**
 * The error for a representation whose key cannot be one (`id: "not-a-uuid"` for a Participant): `BAD_USER_INPUT`
 * for that entry of `_entities` alone. The gateway only ever sends keys it read from the owning subgraph, so a
 * malformed one is a forged or broken call, not an unknown record; an unknown well-formed key still resolves to null.
 */
export function malformedKeyError(typename: string, field: string, value: unknown, expected: string): GraphQLError {
  return userInputError(`${typename} representation has a malformed ${field} ${quote(value)}: expected ${expected}.`, {
    argumentName: "representations",
    typename,
    field,
  });
}

/**
 * graphql-js checks an operation's type only when executing it: `mutation { … }` against a schema without
 * mutations passes validation and then fails as an internal error (HTTP 500 at the gateway). This rule makes it a
 * validation error (HTTP 400, `GRAPHQL_VALIDATION_FAILED`), as graphql-js 17 does.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (schema.getRootType(node.operation)) return;
    // what the graph does answer, so that the message is true of a graph with mutations too
    const answered = ROOT_KINDS.filter(([operation]) => schema.getRootType(operation)).map(([, plural]) => plural);
    context.reportError(
      new GraphQLError(
        `This graph has no ${node.operation} operations: it answers ${answered.join(" and ")}${answered.length === 1 ? " only" : ""}.`,
        {
          nodes: node,
        },
      ),
    );
  },
});

const ROOT_KINDS = [
  [OperationTypeNode.QUERY, "queries"],
  [OperationTypeNode.MUTATION, "mutations"],
  [OperationTypeNode.SUBSCRIPTION, "subscriptions"],
] as const;
