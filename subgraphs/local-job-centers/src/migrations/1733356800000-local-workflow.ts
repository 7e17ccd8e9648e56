import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * What the local centers' work needs once it is written through the graph (recordOutreach, linkOutreach,
 * setAgreementQuota, recordLocalServiceUse):
 * - `outreach.version` (an outreach goes from found to linked once) and `link_agreement.version` (a quota revised),
 *   for optimistic locking;
 * - `local_center_year_figures` becomes a table kept current by each write (the annual stats show an outreach on the
 *   next query), with `recompute_local_center_year_figures()` for bulk loads, as job-centers did with its figures.
 */
export class LocalWorkflow1733356800000 implements MigrationInterface {
  name = "LocalWorkflow1733356800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outreach ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE link_agreement ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    const [{ definition }] = (await q.query(
      `SELECT definition FROM pg_matviews WHERE matviewname = 'local_center_year_figures'`,
    )) as Array<{
      definition: string;
    }>;
    await q.query(`DROP MATERIALIZED VIEW local_center_year_figures`);
    await q.query(`
      CREATE TABLE local_center_year_figures (
        center_id   integer NOT NULL REFERENCES local_job_center(id),
        region_code varchar(2) NOT NULL,
        year        integer NOT NULL,
        discovered  integer NOT NULL DEFAULT 0 CHECK (discovered >= 0),
        linked      integer NOT NULL DEFAULT 0 CHECK (linked >= 0),
        PRIMARY KEY (center_id, year))`);
    await q.query(`CREATE INDEX local_center_year_figures_year ON local_center_year_figures (year, region_code)`);
    await q.query(`
      CREATE FUNCTION recompute_local_center_year_figures() RETURNS void LANGUAGE sql AS $fn$
        DELETE FROM local_center_year_figures;
        INSERT INTO local_center_year_figures (center_id, region_code, year, discovered, linked)
        ${definition.replace(/;\s*$/, "")};
      $fn$`);
    await q.query(`SELECT recompute_local_center_year_figures()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION recompute_local_center_year_figures()`);
    await q.query(`DROP TABLE local_center_year_figures`);
    await q.query(`ALTER TABLE link_agreement DROP COLUMN version`);
    await q.query(`ALTER TABLE outreach DROP COLUMN version`);
    throw new Error("the materialised view local_center_year_figures is recreated by re-running migration CenterYearFigures1732579200000");
  }
}
