import { Directive, Field, Int, ObjectType } from "type-graphql";
import type { DataSource } from "typeorm";
import { RegionReportKey } from "@lib/graphql/region-report-key";
import { regionYearLoader } from "@lib/loaders/region-year";

/** The report row of job-centers; this subgraph adds what local job centers in the region did that year. */
@Directive(`@key(fields: "year regionCode")`)
@ObjectType()
export class RegionReport extends RegionReportKey {
  @Field(() => Int, { nullable: true, description: "Outreach records discovered that year by local job centers in the region." })
  outreachDiscovered: number;

  @Field(() => Int, { nullable: true, description: "Outreach records linked to a program participant that year." })
  linkedByLocalCenters: number;
}

/** Sums of the materialised per-center figures of one year, per region. */
const SQL = `
  SELECT region_code, sum(discovered)::int AS discovered, sum(linked)::int AS linked
  FROM local_center_year_figures WHERE year = $1 GROUP BY region_code`;

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
