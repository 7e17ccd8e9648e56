import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * The analysts' breakdown (`programBreakdown`) reads these, never the participants (docs/domain.md#breakdown):
 * - `breakdown_figures`: each measure counted per finest cell (year, month, office, track, age band, gender), each on
 *   its own event's month; at a million participants a year is a few tens of thousands of rows;
 * - `breakdown_days`: how many employments of a cell came how many days after the action plan, so that the median
 *   of any set of cells is exact (medians do not add up);
 * - `breakdown_age_band(age)`: the program's bands, one definition for the bulk load and for the writes;
 * - `recompute_breakdown_figures()`: both tables from the records, for bulk loads (the seeder calls every
 *   `recompute_*_figures`); every write then keeps them current in its own transaction.
 */
export class BreakdownFigures1733443200000 implements MigrationInterface {
  name = "BreakdownFigures1733443200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION breakdown_age_band(age integer) RETURNS text LANGUAGE sql IMMUTABLE AS $fn$
        SELECT CASE WHEN age < 18 THEN 'UNDER_18' WHEN age <= 34 THEN 'YOUTH' WHEN age <= 69 THEN 'MIDDLE_AGED' ELSE 'OVER_69' END
      $fn$`);
    const cell = `
        year       smallint NOT NULL,
        month      smallint NOT NULL CHECK (month BETWEEN 1 AND 12),
        center_id  integer NOT NULL REFERENCES employment_center(id),
        track      text NOT NULL,
        age_band   text NOT NULL CHECK (age_band IN ('UNDER_18', 'YOUTH', 'MIDDLE_AGED', 'OVER_69')),
        gender     text NOT NULL`;
    // a migration is history: its columns are written out, not taken from the code that reads them today
    const measures = [
      "applicants",
      "started",
      "ended",
      "employed",
      "placed",
      "timed",
      "kept_6",
      "kept_12",
      "payments",
      "payees",
      "paid_won",
    ]
      .map((m) => `${m} ${m === "paid_won" ? "bigint" : "integer"} NOT NULL DEFAULT 0 CHECK (${m} >= 0)`)
      .join(",\n        ");
    await q.query(`
      CREATE TABLE breakdown_figures (${cell},
        ${measures},
        PRIMARY KEY (year, month, center_id, track, age_band, gender))`);
    // a center manager's breakdown reads their own office's year
    await q.query(`CREATE INDEX breakdown_figures_center ON breakdown_figures (center_id, year)`);
    await q.query(`
      CREATE TABLE breakdown_days (${cell},
        days integer NOT NULL,
        n    integer NOT NULL CHECK (n >= 0),
        PRIMARY KEY (year, month, center_id, track, age_band, gender, days))`);
    await q.query(`CREATE INDEX breakdown_days_center ON breakdown_days (center_id, year)`);
    await q.query(RECOMPUTE);
    await q.query(`SELECT recompute_breakdown_figures()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION recompute_breakdown_figures()`);
    await q.query(`DROP TABLE breakdown_days`);
    await q.query(`DROP TABLE breakdown_figures`);
    await q.query(`DROP FUNCTION breakdown_age_band(integer)`);
  }
}

/**
 * The one definition of the measures from the records; each event counts in the month it happened (see
 * BREAKDOWN_MEASURES). A participant's cell is their office, current track, age at application and gender.
 */
const RECOMPUTE = `
  CREATE FUNCTION recompute_breakdown_figures() RETURNS void LANGUAGE sql AS $fn$
    DELETE FROM breakdown_figures;
    DELETE FROM breakdown_days;
    WITH person AS (
      SELECT p.id, p.employment_center_id AS center_id, p.track, p.gender,
             breakdown_age_band(extract(year FROM p.applied_on)::int - p.birth_year) AS age_band,
             p.applied_on, p.eligibility_decided_on, p.closed_on
      FROM participant p),
    job AS (
      SELECT e.participant_id, e.employed_on, e.via_placement, e.employed_on - a.established_on AS days,
             (e.ended_on IS NULL OR e.ended_on >= e.employed_on + interval '6 months') AS kept_6,
             (e.ended_on IS NULL OR e.ended_on >= e.employed_on + interval '12 months') AS kept_12
      FROM employment e LEFT JOIN action_plan a ON a.participant_id = e.participant_id),
    paid AS (
      SELECT participant_id, date_trunc('month', paid_on)::date AS day, count(*) AS payments, sum(amount_won) AS won
      FROM allowance_payment GROUP BY 1, 2),
    event AS (
      SELECT id, applied_on AS day, 1 AS applicants, 0 AS started, 0 AS ended, 0 AS employed, 0 AS placed, 0 AS timed,
             0 AS kept_6, 0 AS kept_12, 0 AS payments, 0 AS payees, 0::bigint AS paid_won
      FROM person
      UNION ALL
      SELECT id, eligibility_decided_on, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0 FROM person WHERE eligibility_decided_on IS NOT NULL
      UNION ALL
      SELECT p.id, coalesce(j.employed_on, p.closed_on), 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0
      FROM person p LEFT JOIN job j ON j.participant_id = p.id
      WHERE p.eligibility_decided_on IS NOT NULL AND coalesce(j.employed_on, p.closed_on) IS NOT NULL
      UNION ALL
      SELECT participant_id, employed_on, 0, 0, 0, 1, via_placement::int, (days IS NOT NULL)::int, kept_6::int, kept_12::int, 0, 0, 0
      FROM job
      UNION ALL
      SELECT participant_id, day, 0, 0, 0, 0, 0, 0, 0, 0, payments::int, 1, won FROM paid)
    INSERT INTO breakdown_figures (year, month, center_id, track, age_band, gender,
                                   applicants, started, ended, employed, placed, timed, kept_6, kept_12, payments, payees, paid_won)
    SELECT extract(year FROM e.day), extract(month FROM e.day), p.center_id, p.track, p.age_band, p.gender,
           sum(e.applicants), sum(e.started), sum(e.ended), sum(e.employed), sum(e.placed), sum(e.timed),
           sum(e.kept_6), sum(e.kept_12), sum(e.payments), sum(e.payees), sum(e.paid_won)
    FROM event e JOIN person p ON p.id = e.id
    GROUP BY 1, 2, 3, 4, 5, 6;
    INSERT INTO breakdown_days (year, month, center_id, track, age_band, gender, days, n)
    SELECT extract(year FROM e.employed_on), extract(month FROM e.employed_on), p.employment_center_id, p.track,
           breakdown_age_band(extract(year FROM p.applied_on)::int - p.birth_year), p.gender,
           e.employed_on - a.established_on, count(*)
    FROM employment e JOIN participant p ON p.id = e.participant_id JOIN action_plan a ON a.participant_id = e.participant_id
    GROUP BY 1, 2, 3, 4, 5, 6, 7;
  $fn$`;
