import { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Per-center, per-year outreach figures as a materialised view over the outreach records (refreshed by whatever
 * writes them; the seeder does, last), so reports stay fast at national scale.
 */
export class CenterYearFigures1732579200000 implements MigrationInterface {
  name = "CenterYearFigures1732579200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE MATERIALIZED VIEW local_center_year_figures AS
      WITH found AS (
        SELECT local_job_center_id AS center_id, extract(year FROM discovered_on)::int AS year, count(*) AS n
        FROM outreach GROUP BY 1, 2),
      linked AS (
        SELECT local_job_center_id AS center_id, extract(year FROM linked_on)::int AS year, count(*) AS n
        FROM outreach WHERE linked_on IS NOT NULL GROUP BY 1, 2),
      keys AS (SELECT center_id, year FROM found UNION SELECT center_id, year FROM linked)
      SELECT k.center_id, c.region_code, k.year,
             coalesce(found.n, 0)::int AS discovered, coalesce(linked.n, 0)::int AS linked
      FROM keys k
      JOIN local_job_center c ON c.id = k.center_id
      LEFT JOIN found USING (center_id, year)
      LEFT JOIN linked USING (center_id, year)`);
    await q.query(`CREATE UNIQUE INDEX local_center_year_figures_key ON local_center_year_figures (center_id, year)`);
    await q.query(`CREATE INDEX local_center_year_figures_year ON local_center_year_figures (year, region_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS local_center_year_figures`);
  }
}
