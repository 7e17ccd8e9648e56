import { parseIntId } from "@lib/graphql/ids";
import { malformedKeyError } from "@lib/graphql/input-checks";
import type { JobCentersContext } from "../context";

/** `_entities` for EmploymentCenter. */
export const employmentCenterReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseIntId(String(ref.id));
    // a malformed key is refused for this entry alone (BAD_USER_INPUT); a well-formed unknown one resolves to null
    return key === null
      ? Promise.reject(malformedKeyError("EmploymentCenter", "id", ref.id, "a positive integer id"))
      : ctx.loaders.employmentCenterById.load(key);
  },
};
