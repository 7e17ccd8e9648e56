import { GraphQLError } from "graphql";
import { Field, Int, ObjectType } from "type-graphql";
import type { RegionYearKey } from "../loaders/region-year";
import { isRegionCode } from "./ids";
import { malformedKeyError } from "./input-checks";

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

/**
 * A RegionReport representation's key, checked: a year that is not a whole number from 1 to 9999, or a region code
 * that is not two digits, is refused for that entry of `_entities` alone (BAD_USER_INPUT) instead of reaching SQL.
 */
export function regionYearKeyOf(ref: { year?: unknown; regionCode?: unknown }): RegionYearKey | GraphQLError {
  const year =
    typeof ref.year === "number" ? ref.year : typeof ref.year === "string" && /^\d{1,4}$/.test(ref.year) ? Number(ref.year) : NaN;
  if (!Number.isSafeInteger(year) || year < 1 || year > 9999)
    return malformedKeyError("RegionReport", "year", ref.year, "a year such as 2022");
  if (!isRegionCode(ref.regionCode))
    return malformedKeyError("RegionReport", "regionCode", ref.regionCode, 'a legal-dong code such as "28"');
  return { year, regionCode: ref.regionCode };
}

/** `__resolveReference` for RegionReport: the row of that region and year, from a per-request loader. */
export function regionReportReference<C, T>(loaderOf: (context: C) => { load(key: RegionYearKey): Promise<T> }) {
  return {
    __resolveReference: (ref: RegionYearKey, context: C) => {
      const key = regionYearKeyOf(ref);
      return key instanceof GraphQLError ? Promise.reject(key) : loaderOf(context).load(key);
    },
  };
}
