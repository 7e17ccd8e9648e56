import { defaultFieldResolver, isObjectType, type GraphQLSchema } from "graphql";
import type { ParticipantReads } from "./participant-reads";

/** The type whose fields are a participant's personal data, in every subgraph (the owner's and each agency's stub). */
export const PARTICIPANT_TYPE = "Participant";

/** Fields that name a participant without revealing anything about them: the key, and the type's name. */
const NOT_PERSONAL = new Set(["id", "__typename"]);

/**
 * Wraps every field of `Participant` (but its id) so that, once it has resolved, the participant's id is added to
 * the request's {@link ParticipantReads}. All personal data of every subgraph is reached through such a field, and a
 * participant the viewer may not see never gets this far, so the set is exactly who this request read. A field
 * that throws (FORBIDDEN, a bad argument, a database error) or resolves to an Error revealed nothing and is not
 * recorded. Wraps the resolvers already in place (the access rules'), so it must run after them; in place, returns
 * `schema`.
 */
export function recordParticipantReads(schema: GraphQLSchema): GraphQLSchema {
  const type = schema.getType(PARTICIPANT_TYPE);
  if (!isObjectType(type)) return schema;
  for (const field of Object.values(type.getFields())) {
    if (NOT_PERSONAL.has(field.name)) continue;
    const resolve = field.resolve ?? defaultFieldResolver;
    field.resolve = (source: { id?: unknown } | null, args, context: { participantReads?: ParticipantReads }, info) => {
      const record = <T>(value: T): T => {
        if (!(value instanceof Error)) context.participantReads?.add(source?.id);
        return value;
      };
      const result: unknown = resolve(source, args, context, info);
      return isPromiseLike(result) ? result.then(record) : record(result);
    };
  }
  return schema;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === "function";
}
