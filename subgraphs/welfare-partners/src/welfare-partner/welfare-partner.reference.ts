import { parseIntId } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { WelfarePartnersContext } from "../context";

/** `_entities` for WelfarePartner: the gateway hands over an id. */
export const welfarePartnerReference = {
  __resolveReference(ref: { id: string }, ctx: WelfarePartnersContext) {
    const key = parseIntId(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    return key === null
      ? Promise.reject(malformedKeyError("WelfarePartner", "id", ref.id, "a positive integer id"))
      : ctx.loaders.welfarePartnerById.load(key);
  },
};
