import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Per-office, per-year figures as a materialised view over the records, so that a national report at a million
 * participants reads ~400 rows instead of scanning millions. Whatever writes records refreshes it (the seeder does,
 * last); a region's figure is the sum over its offices, since every participant's center lies in their region.
 */
export class CenterYearFigures1732579200000 implements MigrationInterface {
  name = "CenterYearFigures1732579200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE MATERIALIZED VIEW center_year_figures AS
      WITH applied AS (
        SELECT employment_center_id AS center_id, extract(year FROM applied_on)::int AS year, count(*) AS n
        FROM participant GROUP BY 1, 2),
      started AS (
        SELECT employment_center_id AS center_id, extract(year FROM eligibility_decided_on)::int AS year, count(*) AS n
        FROM participant WHERE eligibility_decided_on IS NOT NULL GROUP BY 1, 2),
      employed AS (
        SELECT p.employment_center_id AS center_id, extract(year FROM e.employed_on)::int AS year,
               count(*) AS n, count(*) FILTER (WHERE e.via_placement) AS placed
        FROM employment e JOIN participant p ON p.id = e.participant_id GROUP BY 1, 2),
      companies AS (
        SELECT employment_center_id AS center_id, extract(year FROM signed_up_on)::int AS year, count(*) AS n
        FROM work_experience_company GROUP BY 1, 2),
      paid AS (
        SELECT p.employment_center_id AS center_id, extract(year FROM a.paid_on)::int AS year, sum(a.amount_won) AS won
        FROM allowance_payment a JOIN participant p ON p.id = a.participant_id GROUP BY 1, 2),
      keys AS (
        SELECT center_id, year FROM applied UNION SELECT center_id, year FROM started
        UNION SELECT center_id, year FROM employed UNION SELECT center_id, year FROM companies
        UNION SELECT center_id, year FROM paid)
      SELECT k.center_id, c.region_code, k.year,
             coalesce(applied.n, 0)::int AS applicants, coalesce(started.n, 0)::int AS started,
             coalesce(employed.n, 0)::int AS employed, coalesce(employed.placed, 0)::int AS placed,
             coalesce(companies.n, 0)::int AS companies, coalesce(paid.won, 0)::bigint AS paid
      FROM keys k
      JOIN employment_center c ON c.id = k.center_id
      LEFT JOIN applied USING (center_id, year)
      LEFT JOIN started USING (center_id, year)
      LEFT JOIN employed USING (center_id, year)
      LEFT JOIN companies USING (center_id, year)
      LEFT JOIN paid USING (center_id, year)`);
    // unique: lets a writer refresh CONCURRENTLY, without blocking readers
    await q.query(`CREATE UNIQUE INDEX center_year_figures_key ON center_year_figures (center_id, year)`);
    await q.query(`CREATE INDEX center_year_figures_year ON center_year_figures (year, region_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS center_year_figures`);
  }
}
