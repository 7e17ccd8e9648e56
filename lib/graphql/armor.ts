import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import type { GraphQLArmorConfig, GraphQLArmorRejectCallback } from "@escape.tech/graphql-armor-types";
import { GraphQLError } from "graphql";

/** The limits graphql-armor checks as validation rules, by the name its configuration gives them. */
export type ArmorLimit = "maxDepth" | "maxAliases" | "maxDirectives" | "costLimit";

/**
 * How a graphql-armor limit refuses an operation: a validation error (Apollo Server answers HTTP 400 with
 * `GRAPHQL_VALIDATION_FAILED`) whose message says which limit and by how much, and `extensions.limit` naming it.
 * Armor's own default reports the same message prefixed "Syntax Error: ", which it is not; letting the rule throw
 * instead (`propagateOnRejection`) would make validation fail as an HTTP 500.
 */
export function armorRejection(limit: ArmorLimit): Pick<NonNullable<GraphQLArmorConfig["maxDepth"]>, "propagateOnRejection" | "onReject"> {
  const report: GraphQLArmorRejectCallback = (context, error) => {
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ""), { extensions: { limit } }));
  };
  return { propagateOnRejection: false, onReject: [report] };
}

/** Every graphql-armor protection off: a configuration turns on the ones it names. */
export const ARMOR_ALL_OFF: GraphQLArmorConfig = {
  blockFieldSuggestion: { enabled: false },
  costLimit: { enabled: false },
  maxAliases: { enabled: false },
  maxDepth: { enabled: false },
  maxDirectives: { enabled: false },
  maxTokens: { enabled: false },
};

/** graphql-armor's Apollo Server protections for `config` (armor's defaults where it says nothing: all on). */
export function armorProtections(config: GraphQLArmorConfig) {
  return new ApolloArmor(config).protect();
}

const PARSER_TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens\. Parsing aborted\.$/;

/**
 * The parser's refusal of a document with too many tokens, worded like the other limits ("Token limit of 1000
 * exceeded.") and with `extensions.limit: "maxTokens"`; it stays a parse error, HTTP 400 `GRAPHQL_PARSE_FAILED`.
 */
export function tokenLimitMessage(): ApolloServerPlugin {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors }) {
          for (const error of errors) {
            const limit = PARSER_TOKEN_LIMIT.exec(error.message)?.[1];
            if (limit === undefined) continue;
            error.message = `Token limit of ${limit} exceeded.`;
            (error.extensions as Record<string, unknown>).limit = "maxTokens";
          }
          return Promise.resolve();
        },
      });
    },
  };
}
