import { parseIntId } from "@lib/graphql/ids";
import type { JobCentersContext } from "../context";

/** `_entities` for EmploymentCenter. */
export const employmentCenterReference = {
  __resolveReference(ref: { id: string }, ctx: JobCentersContext) {
    const key = parseIntId(String(ref.id));
    return key === null ? null : ctx.loaders.employmentCenterById.load(key);
  },
};
