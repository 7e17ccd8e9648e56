import { parseUuid } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { JobCentersContext } from "../context";
import { visibleParticipant } from "./participant.visibility";

/** `_entities` for Participant: the other agencies' subgraphs never need more than the id; null for one not visible. */
export const participantReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseUuid(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    if (key === null) return Promise.reject(malformedKeyError("Participant", "id", ref.id, "a UUID"));
    return ctx.loaders.participantById.load(key).then((participant) => visibleParticipant(ctx, participant));
  },
};
