import { parseUuid } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";

/** `_entities` for Participant: the other agencies' subgraphs never need more than the id. */
export const participantReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseUuid(String(ref.id));
    return key === null ? null : ctx.loaders.participantById.load(key);
  },
};
