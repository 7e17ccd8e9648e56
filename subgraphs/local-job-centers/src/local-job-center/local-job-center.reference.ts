import { parseIntId } from "@lib/graphql/ids";
import type { LocalJobCentersContext } from "../context";

/** `_entities` for LocalJobCenter: the gateway hands over an id. */
export const localJobCenterReference = {
  __resolveReference(ref: { id: string }, ctx: LocalJobCentersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.localJobCenterById.load(key);
  },
};
