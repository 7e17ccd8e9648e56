import { parseIntId } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { LocalJobCentersContext } from "../context";

/** `_entities` for LocalJobCenter: the gateway hands over an id. */
export const localJobCenterReference = {
  __resolveReference(ref: { id: string }, ctx: LocalJobCentersContext) {
    const key = parseIntId(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    return key === null
      ? Promise.reject(malformedKeyError("LocalJobCenter", "id", ref.id, "a positive integer id"))
      : ctx.loaders.localJobCenterById.load(key);
  },
};
