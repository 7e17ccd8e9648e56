import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import { regionYearLoader } from "@lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds the Saeil centers' enrollments and completions. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Saeil course enrollments begun that year in the region." })
  saeilEnrollments: number;

  @Field(() => Int, { nullable: true, description: "Saeil course enrollments completed that year in the region." })
  saeilCompletions: number;
}

/** Sums of the materialised per-center figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(enrolled)::int AS enrolled, sum(completed)::int AS completed
  FROM saeil_center_year_figures WHERE year = $1 GROUP BY region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoader(db: DataSource) {
  return regionYearLoader<{ region_code: string; enrolled: number; completed: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({ year, regionCode, saeilEnrollments: row?.enrolled ?? 0, saeilCompletions: row?.completed ?? 0 }),
  );
}
