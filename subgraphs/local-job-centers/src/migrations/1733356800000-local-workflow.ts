import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropFiguresTable, figuresViewToTable } from "@lib/db/figures-table";

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
    await figuresViewToTable(
      q,
      "local_center_year_figures",
      ["center_id", "region_code", "year", "discovered", "linked"],
      `
        center_id   integer NOT NULL REFERENCES local_job_center(id),
        region_code varchar(2) NOT NULL,
        year        integer NOT NULL,
        discovered  integer NOT NULL DEFAULT 0 CHECK (discovered >= 0),
        linked      integer NOT NULL DEFAULT 0 CHECK (linked >= 0),
        PRIMARY KEY (center_id, year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropFiguresTable(q, "local_center_year_figures");
    await q.query(`ALTER TABLE link_agreement DROP COLUMN version`);
    await q.query(`ALTER TABLE outreach DROP COLUMN version`);
    throw new Error("the materialised view local_center_year_figures is recreated by re-running migration CenterYearFigures1732579200000");
  }
}
