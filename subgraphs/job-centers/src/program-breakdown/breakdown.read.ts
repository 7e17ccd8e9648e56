import type { DataSource } from "typeorm";
import { ReportDimension as D } from "./report-dimension.enums";

/**
 * The measures of `breakdown_figures` a cell adds up, each counted in the month of its own event:
 * applicants (application), started (eligibility decision), ended (participation's end: the job's first day, or
 * the closure), employed / placed (the job's first day), timed (of employed, those with an action plan: the median's
 * base), measured_6 / kept_6 and measured_12 / kept_12 (of employed, jobs whose mark has passed / still held then),
 * payments / payees / paid_won (day of payment; payees: persons paid that month).
 */
export const COUNTS = [
  "applicants",
  "started",
  "ended",
  "employed",
  "placed",
  "timed",
  "measured_6",
  "kept_6",
  "measured_12",
  "kept_12",
  "payments",
  "paid_won",
] as const;
export type Count = (typeof COUNTS)[number];

/** One group of the asked dimensions over the year. */
export interface GroupRow {
  values: string[];
  counts: Record<Count, number>;
  /** The most persons paid in any one month (each is paid once a month at most): a lower bound of those paid. */
  payeesInAMonth: number;
}

/** A dimension's value as SQL over `breakdown_figures f JOIN employment_center c` (or `breakdown_days f`). */
const VALUE_SQL: Record<D, string> = {
  [D.REGION]: "c.region_code",
  [D.EMPLOYMENT_CENTER]: "f.center_id",
  [D.TRACK]: "f.track",
  [D.AGE_BAND]: "f.age_band",
  [D.GENDER]: "f.gender",
  [D.QUARTER]: "(f.month + 2) / 3",
  [D.MONTH]: "f.month",
};

/** A job's mark counts once the month it falls in is over: the cell's month + N months before the current month ($2, as year × 12 + month − 1). */
const passed = (months: number) => `f.year * 12 + f.month - 1 + ${months} < $2`;

// grouped by the values themselves (cheaper to hash than text), read as text
const select = (by: readonly D[]) => by.map((d, i) => `(${VALUE_SQL[d]})::text AS d${i}`).join(", ");
/** The office's region is needed only to break down by region. */
const from = (table: string, by: readonly D[]) =>
  by.includes(D.REGION) ? `${table} f JOIN employment_center c ON c.id = f.center_id` : `${table} f`;
const groupBy = (by: readonly D[]) => by.map((_, i) => `d${i}`).join(", ");
const scope = (centerId: number | null) => (centerId === null ? "" : " AND f.center_id = $3");

/**
 * The year's figures grouped by the asked dimensions, in one statement over the small figures table (never the
 * participants); by month first, so that the marks passed are told apart and the persons paid bounded.
 * `monthNow` is the current month as year × 12 + month − 1; `centerId` restricts the rows to one office.
 */
export async function readGroupRows(
  db: DataSource,
  year: number,
  by: readonly D[],
  monthNow: number,
  centerId: number | null,
): Promise<GroupRow[]> {
  const sums = COUNTS.map((c) => `sum(${c})::float8 AS ${c}`).join(", ");
  const rows = await db.query<Array<Record<string, string | number | null>>>(
    `SELECT ${groupBy(by)}, ${sums}, max(payees)::int AS payees
     FROM (
       SELECT ${select(by)}, f.month,
              sum(f.applicants) AS applicants, sum(f.started) AS started, sum(f.ended) AS ended,
              sum(f.employed) AS employed, sum(f.placed) AS placed, sum(f.timed) AS timed,
              coalesce(sum(f.employed) FILTER (WHERE ${passed(6)}), 0) AS measured_6,
              coalesce(sum(f.kept_6) FILTER (WHERE ${passed(6)}), 0) AS kept_6,
              coalesce(sum(f.employed) FILTER (WHERE ${passed(12)}), 0) AS measured_12,
              coalesce(sum(f.kept_12) FILTER (WHERE ${passed(12)}), 0) AS kept_12,
              sum(f.payments) AS payments, sum(f.payees) AS payees, sum(f.paid_won) AS paid_won
       FROM ${from("breakdown_figures", by)}
       WHERE f.year = $1${scope(centerId)}
       GROUP BY ${by.map((d) => VALUE_SQL[d]).join(", ")}, f.month) m
     GROUP BY ${groupBy(by)}`,
    centerId === null ? [year, monthNow] : [year, monthNow, centerId],
  );
  return rows.map((row) => ({
    values: by.map((_, i) => String(row[`d${i}`])),
    counts: Object.fromEntries(COUNTS.map((c) => [c, Number(row[c])])) as Record<Count, number>,
    payeesInAMonth: Number(row.payees),
  }));
}

/** A group's median, and which: `values` null for all of them together. */
export interface GroupMedian {
  values: string[] | null;
  median: number;
}

/**
 * The exact median of days from the plan to the job, per group of the asked dimensions and for all of them together.
 * Nationally each is read as stored (`breakdown_medians`, kept by every recorded job): as many rows as groups,
 * whatever the number of participants. One office's are walked from its own histogram (a few thousand rows a year).
 */
export async function readMedians(db: DataSource, year: number, by: readonly D[], centerId: number | null): Promise<GroupMedian[]> {
  return centerId === null ? readStoredMedians(db, year, by) : readOfficeMedians(db, year, by, centerId);
}

/** The dimensions in their declared order, as `breakdown_groups` names a group (migration 1733616000000). */
const DECLARED = Object.values(D);

async function readStoredMedians(db: DataSource, year: number, by: readonly D[]): Promise<GroupMedian[]> {
  const stored = [...by].sort((a, b) => DECLARED.indexOf(a) - DECLARED.indexOf(b));
  const rows = await db.query<Array<{ dims: string; v0: string; v1: string; median: string }>>(
    `SELECT dims, v0, v1, median FROM breakdown_medians WHERE year = $1 AND dims IN ('', $2)`,
    [year, stored.join(",")],
  );
  // the stored values follow the declared order; the answer's follow `by`
  const swapped = stored[0] !== by[0];
  return rows.map((row) => ({
    values: row.dims === "" ? null : by.length === 1 ? [row.v0] : swapped ? [row.v1, row.v0] : [row.v0, row.v1],
    median: Number(row.median),
  }));
}

/** One office's medians from its histogram: the k-th value is the least `days` whose running count reaches k. */
async function readOfficeMedians(db: DataSource, year: number, by: readonly D[], centerId: number): Promise<GroupMedian[]> {
  const dims = groupBy(by);
  const rows = await db.query<Array<Record<string, string | number | null>>>(
    `WITH h AS (
       SELECT ${select(by)}, GROUPING(${by.map((d) => VALUE_SQL[d]).join(", ")}) > 0 AS total, f.days, sum(f.n)::bigint AS n
       FROM ${from("breakdown_days", by)}
       WHERE f.year = $1 AND f.center_id = $2
       GROUP BY GROUPING SETS ((${by.map((d) => VALUE_SQL[d]).join(", ")}, f.days), (f.days))),
     r AS (
       SELECT *, sum(n) OVER (PARTITION BY total, ${dims} ORDER BY days) AS running, sum(n) OVER (PARTITION BY total, ${dims}) AS count
       FROM h)
     SELECT total, ${dims},
            (min(days) FILTER (WHERE running >= div(count + 1, 2)) + min(days) FILTER (WHERE running >= div(count, 2) + 1)) / 2.0 AS median
     FROM r GROUP BY total, ${dims}`,
    [year, centerId],
  );
  return rows.map((row) => ({
    values: row.total ? null : by.map((_, i) => String(row[`d${i}`])),
    median: Number(row.median),
  }));
}
