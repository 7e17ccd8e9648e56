import type { DataSource } from "typeorm";
import { createYearRangeCheck } from "../../../../lib/loaders/year-range";

/** Program years of the employment centers' records: from the first application to the last. */
export function createDataYearCheck(db: DataSource): (year: number) => Promise<boolean> {
  return createYearRangeCheck(
    db,
    `SELECT extract(year FROM min(applied_on))::int AS first, extract(year FROM max(applied_on))::int AS last FROM participant`,
  );
}
