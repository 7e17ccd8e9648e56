import type { DataSource } from "typeorm";
import { createYearRangeCheck } from "@lib/loaders/year-range";

/** Years of the local centers' records: outreach discoveries and linkage agreements. */
export function createDataYearLoaders(db: DataSource) {
  const isDataYear = createYearRangeCheck(
    db,
    `SELECT least((SELECT min(year) FROM local_center_year_figures WHERE discovered > 0), (SELECT min(year) FROM link_agreement))::int AS first,
            greatest((SELECT max(year) FROM local_center_year_figures WHERE discovered > 0), (SELECT max(year) FROM link_agreement))::int AS last`,
  );
  return { isDataYear };
}
