import { malformedKeyError } from "@lib/graphql/input-checks";
import { isRegionCode } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";

/** `_entities` for Region: other agencies hand over a region code. */
export const regionReference = {
  __resolveReference(ref: { code: string }, ctx: JobCentersContext) {
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    if (!isRegionCode(ref.code)) return Promise.reject(malformedKeyError("Region", "code", ref.code, 'a legal-dong code such as "28"'));
    return ctx.loaders.regionByCode.load(ref.code);
  },
};
