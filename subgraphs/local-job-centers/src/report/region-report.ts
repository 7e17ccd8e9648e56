import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { regionYearLoader } from "../../../../lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds what local job centers in the region did that year. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport {
  @Field(() => Int)
  year: number;

  @Field(() => String)
  regionCode: string;

  @Field(() => Int, { nullable: true, description: "Outreach records discovered that year by local job centers in the region." })
  outreachDiscovered: number;

  @Field(() => Int, { nullable: true, description: "Outreach records linked to a program participant that year." })
  linkedByLocalCenters: number;
}

const SQL = `
  SELECT c.region_code,
         count(*) FILTER (WHERE o.discovered_on >= make_date($1, 1, 1) AND o.discovered_on < make_date($1 + 1, 1, 1))::int AS discovered,
         count(*) FILTER (WHERE o.linked_on >= make_date($1, 1, 1) AND o.linked_on < make_date($1 + 1, 1, 1))::int AS linked
  FROM outreach o JOIN local_job_center c ON c.id = o.local_job_center_id
  WHERE (o.discovered_on >= make_date($1, 1, 1) AND o.discovered_on < make_date($1 + 1, 1, 1))
     OR (o.linked_on >= make_date($1, 1, 1) AND o.linked_on < make_date($1 + 1, 1, 1))
  GROUP BY c.region_code`;

/** Region rows of a year: one statement per year for all regions. */
export function createRegionReportLoader(db: DataSource) {
  return regionYearLoader<{ region_code: string; discovered: number; linked: number }, RegionReport>(
    (year) => db.query(SQL, [year]),
    ({ year, regionCode }, row) => ({
      year,
      regionCode,
      outreachDiscovered: row?.discovered ?? 0,
      linkedByLocalCenters: row?.linked ?? 0,
    }),
  );
}
