import type { DataSource } from "typeorm";

/**
 * Whether a year lies within the years a subgraph holds records for. Figures for other years are null ("no such
 * report"), not zeros that would pass for a real year. `sql` returns one row `{ first, last }` (years, or nulls on
 * an empty database); it runs at most once per request.
 */
export function createYearRangeCheck(db: DataSource, sql: string): (year: number) => Promise<boolean> {
  let range: Promise<{ first: number | null; last: number | null }> | undefined;
  return async (year) => {
    range ??= db.query(sql).then((rows: Array<{ first: number | null; last: number | null }>) => rows[0]);
    const { first, last } = await range;
    return first !== null && last !== null && year >= first && year <= last;
  };
}
