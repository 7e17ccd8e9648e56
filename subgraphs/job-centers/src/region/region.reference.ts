import type { JobCentersContext } from "../context";

/** `_entities` for Region: other agencies hand over a region code. */
export const regionReference = {
  __resolveReference(ref: { code: string }, ctx: JobCentersContext) {
    return ctx.loaders.regionByCode.load(ref.code);
  },
};
