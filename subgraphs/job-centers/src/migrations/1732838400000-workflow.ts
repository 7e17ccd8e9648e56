import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropFiguresTable, figuresViewToTable } from "@lib/db/figures-table";
import { createIdempotencyTable } from "@lib/mutation/idempotency";

/**
 * What the program's work needs once it is written through the graph:
 * - `participant.version` for optimistic locking (a write on a stale version is a CONFLICT), and the decision's
 *   recorded facts: the reason of a rejection, the reason of a decision after its deadline (Act §10);
 * - `idempotency_key`, so a retried mutation writes nothing twice (lib/mutation/idempotency.ts);
 * - `center_year_figures` becomes a table that each write keeps current in its own transaction (the national report
 *   must show a write on the next query and stay fast), with `recompute_center_year_figures()` for bulk loads.
 */
export class Workflow1732838400000 implements MigrationInterface {
  name = "Workflow1732838400000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE participant ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1)`);
    await q.query(`ALTER TABLE participant ADD COLUMN rejection_reason text`);
    await q.query(`ALTER TABLE participant ADD COLUMN late_decision_reason text`);
    await createIdempotencyTable(q);
    await figuresViewToTable(
      q,
      "center_year_figures",
      ["center_id", "region_code", "year", "applicants", "started", "employed", "placed", "companies", "paid"],
      `
        center_id   integer NOT NULL REFERENCES employment_center(id),
        region_code varchar(2) NOT NULL,
        year        integer NOT NULL,
        applicants  integer NOT NULL DEFAULT 0 CHECK (applicants >= 0),
        started     integer NOT NULL DEFAULT 0 CHECK (started >= 0),
        employed    integer NOT NULL DEFAULT 0 CHECK (employed >= 0),
        placed      integer NOT NULL DEFAULT 0 CHECK (placed >= 0),
        companies   integer NOT NULL DEFAULT 0 CHECK (companies >= 0),
        paid        bigint  NOT NULL DEFAULT 0 CHECK (paid >= 0),
        PRIMARY KEY (center_id, year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropFiguresTable(q, "center_year_figures");
    await q.query(`DROP TABLE idempotency_key`);
    await q.query(`ALTER TABLE participant DROP COLUMN late_decision_reason, DROP COLUMN rejection_reason, DROP COLUMN version`);
    throw new Error("the materialised view center_year_figures is recreated by re-running migration CenterYearFigures1732579200000");
  }
}
