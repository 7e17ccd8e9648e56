import { MigrationInterface, QueryRunner } from "typeorm";

/** Per-partner, per-year referrals received and resolved, as a materialised view over the referral records. */
export class PartnerYearFigures1732579200000 implements MigrationInterface {
  name = "PartnerYearFigures1732579200000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE MATERIALIZED VIEW partner_year_figures AS
      WITH referred AS (
        SELECT partner_id, extract(year FROM referred_on)::int AS year, count(*) AS n FROM welfare_referral GROUP BY 1, 2),
      resolved AS (
        SELECT partner_id, extract(year FROM resolved_on)::int AS year, count(*) AS n
        FROM welfare_referral WHERE resolved_on IS NOT NULL GROUP BY 1, 2),
      keys AS (SELECT partner_id, year FROM referred UNION SELECT partner_id, year FROM resolved)
      SELECT k.partner_id, p.region_code, k.year,
             coalesce(referred.n, 0)::int AS referred, coalesce(resolved.n, 0)::int AS resolved
      FROM keys k
      JOIN welfare_partner p ON p.id = k.partner_id
      LEFT JOIN referred USING (partner_id, year)
      LEFT JOIN resolved USING (partner_id, year)`);
    await q.query(`CREATE UNIQUE INDEX partner_year_figures_key ON partner_year_figures (partner_id, year)`);
    await q.query(`CREATE INDEX partner_year_figures_year ON partner_year_figures (year, region_code)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP MATERIALIZED VIEW IF EXISTS partner_year_figures`);
  }
}
