import { parseUuid } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { JobCentersContext } from "../context";

/** `_entities` for Participant: the other agencies' subgraphs never need more than the id. */
export const participantReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseUuid(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    return key === null ? Promise.reject(malformedKeyError("Participant", "id", ref.id, "a UUID")) : ctx.loaders.participantById.load(key);
  },
};
