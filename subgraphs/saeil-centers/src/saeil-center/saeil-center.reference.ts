import { parseIntId } from "@lib/graphql/ids";
import type { SaeilCentersContext } from "../context";

/** `_entities` for SaeilCenter: the gateway hands over an id. */
export const saeilCenterReference = {
  __resolveReference(ref: { id: string }, ctx: SaeilCentersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.saeilCenterById.load(key);
  },
};
