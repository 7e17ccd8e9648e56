import { MigrationInterface, QueryRunner } from "typeorm";

/** Per-center, per-year enrollments and completions as a materialised view over the enrollment records. */
export class CenterYearFigures1732579200000 implements MigrationInterface {
  name = "CenterYearFigures1732579200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE MATERIALIZED VIEW saeil_center_year_figures AS
      WITH enrolled AS (
        SELECT k.saeil_center_id AS center_id, extract(year FROM e.enrolled_on)::int AS year, count(*) AS n
        FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id GROUP BY 1, 2),
      completed AS (
        SELECT k.saeil_center_id AS center_id, extract(year FROM e.completed_on)::int AS year, count(*) AS n
        FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id WHERE e.completed_on IS NOT NULL GROUP BY 1, 2),
      keys AS (SELECT center_id, year FROM enrolled UNION SELECT center_id, year FROM completed)
      SELECT k.center_id, c.region_code, k.year,
             coalesce(enrolled.n, 0)::int AS enrolled, coalesce(completed.n, 0)::int AS completed
      FROM keys k
      JOIN saeil_center c ON c.id = k.center_id
      LEFT JOIN enrolled USING (center_id, year)
      LEFT JOIN completed USING (center_id, year)`);
    await q.query(`CREATE UNIQUE INDEX saeil_center_year_figures_key ON saeil_center_year_figures (center_id, year)`);
    await q.query(`CREATE INDEX saeil_center_year_figures_year ON saeil_center_year_figures (year, region_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS saeil_center_year_figures`);
  }
}
