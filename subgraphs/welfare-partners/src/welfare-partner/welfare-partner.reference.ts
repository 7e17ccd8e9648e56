import { parseIntId } from "@lib/graphql/ids";
import type { WelfarePartnersContext } from "../context";

/** `_entities` for WelfarePartner: the gateway hands over an id. */
export const welfarePartnerReference = {
  __resolveReference(ref: { id: string }, ctx: WelfarePartnersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.welfarePartnerById.load(key);
  },
};
