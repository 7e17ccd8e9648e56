import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { regionYearLoader } from "../../../../lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds the Saeil centers' enrollments and completions. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport {
  @Field(() => Int)
  year: number;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int, { nullable: true, description: "Saeil course enrollments begun that year in the region." })
  saeilEnrollments: number;

  @Field(() => Int, { nullable: true, description: "Saeil course enrollments completed that year in the region." })
  saeilCompletions: number;
}

const SQL = `
  SELECT c.region_code,
         count(*) FILTER (WHERE e.enrolled_on >= make_date($1, 1, 1) AND e.enrolled_on < make_date($1 + 1, 1, 1))::int AS enrolled,
         count(*) FILTER (WHERE e.completed_on >= make_date($1, 1, 1) AND e.completed_on < make_date($1 + 1, 1, 1))::int AS completed
  FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id JOIN saeil_center c ON c.id = k.saeil_center_id
  WHERE (e.enrolled_on >= make_date($1, 1, 1) AND e.enrolled_on < make_date($1 + 1, 1, 1))
     OR (e.completed_on >= make_date($1, 1, 1) AND e.completed_on < make_date($1 + 1, 1, 1))
  GROUP BY c.region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoader(db: DataSource) {
  return regionYearLoader<{ region_code: string; enrolled: number; completed: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({ year, regionCode, saeilEnrollments: row?.enrolled ?? 0, saeilCompletions: row?.completed ?? 0 }),
  );
}
