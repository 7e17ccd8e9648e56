import type { DataSource } from "typeorm";
import { createYearRangeCheck } from "@lib/loaders/year-range";

/** Program years of the employment centers' records: from the first application to the last. */
export function createDataYearLoaders(db: DataSource) {
  const isDataYear = createYearRangeCheck(db, `SELECT min(year) AS first, max(year) AS last FROM center_year_figures WHERE applicants > 0`);
  return { isDataYear };
}
