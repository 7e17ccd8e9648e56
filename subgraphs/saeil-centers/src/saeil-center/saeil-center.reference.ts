import { parseIntId } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { SaeilCentersContext } from "../context";

/** `_entities` for SaeilCenter: the gateway hands over an id. */
export const saeilCenterReference = {
  __resolveReference(ref: { id: string }, ctx: SaeilCentersContext) {
    const key = parseIntId(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    return key === null
      ? Promise.reject(malformedKeyError("SaeilCenter", "id", ref.id, "a positive integer id"))
      : ctx.loaders.saeilCenterById.load(key);
  },
};
