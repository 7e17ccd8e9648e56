import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Medians a breakdown reads without walking a histogram at request time (docs/domain.md#breakdown). A national
 * breakdown is by at most two of seven fixed dimensions, so every group it can show is one of 29 per finest cell:
 * - `breakdown_group_days`: the days-to-job histogram of every such group (`dims` the dimensions in their declared
 *   order, comma-separated, '' for the year's total; `v0`, `v1` their values, '' when absent): at most a few hundred
 *   rows a group, whatever the number of participants;
 * - `breakdown_medians`: each group's exact median, read by a breakdown in one index range;
 * - `breakdown_groups(…)`: the 29 groups of a finest cell, one definition for the bulk load and the writes;
 * - `breakdown_median_of(…)`: a group's median from its histogram, the same walk the request made before;
 * - `count_breakdown_days(…)`: what a recorded job adds, both tables in one call. Every job of a year changes the
 *   year's total median, so the year's jobs are counted one transaction at a time (an advisory lock); each statement
 *   after it sees the jobs committed before (a function's statements take fresh snapshots), so no median misses one;
 * - `recompute_breakdown_figures()` now also fills both from `breakdown_days` (the former body is kept as
 *   `recompute_breakdown_cells()`, which it calls first).
 */
/** The advisory lock of a year's medians is this + the year (other locks: lib/db/access-log-*.ts, lib/events/relay.ts). */
const MEDIANS_LOCK = 4_242_002_000;

export class BreakdownMedians1733616000000 implements MigrationInterface {
  name = "BreakdownMedians1733616000000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE breakdown_group_days (
        year  smallint NOT NULL,
        dims  text NOT NULL,
        v0    text NOT NULL,
        v1    text NOT NULL,
        days  integer NOT NULL,
        n     integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY (year, dims, v0, v1, days))`);
    await q.query(`
      CREATE TABLE breakdown_medians (
        year   smallint NOT NULL,
        dims   text NOT NULL,
        v0     text NOT NULL,
        v1     text NOT NULL,
        median numeric NOT NULL,
        PRIMARY KEY (year, dims, v0, v1))`);
    await q.query(`
      CREATE FUNCTION breakdown_groups(region text, center integer, track text, age_band text, gender text, month integer)
      RETURNS TABLE (dims text, v0 text, v1 text) LANGUAGE sql IMMUTABLE AS $fn$
        WITH d(i, name, value) AS (
          VALUES (1, 'REGION', region), (2, 'EMPLOYMENT_CENTER', center::text), (3, 'TRACK', track),
                 (4, 'AGE_BAND', age_band), (5, 'GENDER', gender), (6, 'QUARTER', ((month + 2) / 3)::text),
                 (7, 'MONTH', month::text))
        SELECT '', '', ''
        UNION ALL SELECT name, value, '' FROM d
        UNION ALL SELECT a.name || ',' || b.name, a.value, b.value FROM d a JOIN d b ON a.i < b.i
      $fn$`);
    // the k-th value is the least day whose running count reaches k; the two middle values averaged
    await q.query(`
      CREATE FUNCTION breakdown_median_of(y smallint, group_dims text, a text, b text) RETURNS numeric LANGUAGE sql STABLE AS $fn$
        SELECT (min(days) FILTER (WHERE running >= div(total + 1, 2)) + min(days) FILTER (WHERE running >= div(total, 2) + 1)) / 2.0
        FROM (SELECT days, sum(n) OVER (ORDER BY days) AS running, sum(n) OVER () AS total
              FROM breakdown_group_days WHERE year = y AND dims = group_dims AND v0 = a AND v1 = b) h
      $fn$`);
    await q.query(`
      CREATE FUNCTION count_breakdown_days(y smallint, region text, center integer, track text, age_band text, gender text,
                                           month integer, job_days integer) RETURNS void LANGUAGE sql AS $fn$
        SELECT pg_advisory_xact_lock(${MEDIANS_LOCK} + y);
        INSERT INTO breakdown_group_days (year, dims, v0, v1, days, n)
        SELECT y, g.dims, g.v0, g.v1, job_days, 1 FROM breakdown_groups(region, center, track, age_band, gender, month) g
        ON CONFLICT (year, dims, v0, v1, days) DO UPDATE SET n = breakdown_group_days.n + 1;
        INSERT INTO breakdown_medians (year, dims, v0, v1, median)
        SELECT y, g.dims, g.v0, g.v1, breakdown_median_of(y, g.dims, g.v0, g.v1)
        FROM breakdown_groups(region, center, track, age_band, gender, month) g
        ON CONFLICT (year, dims, v0, v1) DO UPDATE SET median = EXCLUDED.median;
      $fn$`);
    await q.query(`ALTER FUNCTION recompute_breakdown_figures() RENAME TO recompute_breakdown_cells`);
    await q.query(`
      CREATE FUNCTION recompute_breakdown_figures() RETURNS void LANGUAGE sql AS $fn$
        SELECT recompute_breakdown_cells();
        DELETE FROM breakdown_group_days;
        DELETE FROM breakdown_medians;
        INSERT INTO breakdown_group_days (year, dims, v0, v1, days, n)
        SELECT d.year, g.dims, g.v0, g.v1, d.days, sum(d.n)
        FROM breakdown_days d JOIN employment_center c ON c.id = d.center_id,
             LATERAL breakdown_groups(c.region_code, d.center_id, d.track, d.age_band, d.gender, d.month) g
        GROUP BY 1, 2, 3, 4, 5;
        INSERT INTO breakdown_medians (year, dims, v0, v1, median)
        SELECT year, dims, v0, v1, breakdown_median_of(year, dims, v0, v1)
        FROM (SELECT DISTINCT year, dims, v0, v1 FROM breakdown_group_days) g;
      $fn$`);
    await q.query(`SELECT recompute_breakdown_figures()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION recompute_breakdown_figures()`);
    await q.query(`ALTER FUNCTION recompute_breakdown_cells() RENAME TO recompute_breakdown_figures`);
    await q.query(`DROP FUNCTION count_breakdown_days(smallint, text, integer, text, text, text, integer, integer)`);
    await q.query(`DROP FUNCTION breakdown_median_of(smallint, text, text, text)`);
    await q.query(`DROP FUNCTION breakdown_groups(text, integer, text, text, text, integer)`);
    await q.query(`DROP TABLE breakdown_medians`);
    await q.query(`DROP TABLE breakdown_group_days`);
  }
}
