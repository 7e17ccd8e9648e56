import { Field, Int, ObjectType } from "type-graphql";
import type { RegionYearKey } from "../loaders/region-year";

/**
 * The key fields of `RegionReport`, one region's row of the national report for a year. Every agency's subgraph
 * declares the entity (`@key(fields: "year regionCode")`) on a class extending this one and adds its own figures.
 */
@ObjectType() // not emitted itself: no resolver or orphaned type names it
export abstract class RegionReportKey {
  @Field(() => Int)
  year: number;

  @Field(() => String, { description: "Legal-dong code of the region." })
  regionCode: string;
}

/** `__resolveReference` for RegionReport: the row of that region and year, from a per-request loader. */
export function regionReportReference<C, T>(loaderOf: (context: C) => { load(key: RegionYearKey): Promise<T> }) {
  return {
    __resolveReference: (ref: RegionYearKey, context: C) =>
      loaderOf(context).load({ year: Number(ref.year), regionCode: String(ref.regionCode) }),
  };
}
