import type { MigrationInterface, QueryRunner } from "typeorm";
import { dropFiguresTable, figuresViewToTable } from "@lib/db/figures-table";

/**
 * What referrals need once they are written through the graph (createReferral, acceptReferral, declineReferral,
 * resolveReferral):
 * - `version` for optimistic locking of a referral's status;
 * - `reason_category`: why the person was referred, as one of a closed list of categories — never free text. It is
 *   health and debt data (PIPA §23): read only by the partner it was sent to and the referring center's staff
 *   (`WelfareReferral.reasonCategory`). Referrals from before this migration have none;
 * - `referring_center_id`: the employment center whose counsellor made the referral (who may read the reason);
 * - `accepted_on`, `declined_on` with `decline_reason` (a category), and `outcome` of a resolved referral (referrals
 *   from before have none: their status and dates are all that was recorded);
 * - `partner_year_figures` becomes a table kept current by each write (the region report shows a referral on the
 *   next query), with `recompute_partner_year_figures()` for bulk loads, as job-centers did with its figures.
 */
export class ReferralWorkflow1733356800000 implements MigrationInterface {
  name = "ReferralWorkflow1733356800000";

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE welfare_referral
        ADD COLUMN version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        ADD COLUMN reason_category text CHECK (reason_category IN (
          'MENTAL_HEALTH', 'ADDICTION', 'DEBT', 'LEGAL_DISPUTE', 'PSYCHOLOGICAL_DISTRESS', 'FAMILY_CRISIS', 'OTHER')),
        ADD COLUMN referring_center_id integer,
        ADD COLUMN accepted_on date,
        ADD COLUMN declined_on date,
        ADD COLUMN decline_reason text CHECK (decline_reason IN ('OUT_OF_SCOPE', 'NO_CAPACITY', 'PARTICIPANT_UNREACHABLE', 'PARTICIPANT_REFUSED')),
        ADD COLUMN outcome text CHECK (outcome IN ('BARRIER_REMOVED', 'PARTLY_REMOVED', 'NOT_REMOVED', 'PARTICIPANT_WITHDREW')),
        ADD CHECK (accepted_on IS NULL OR accepted_on >= referred_on),
        ADD CHECK (declined_on IS NULL OR declined_on >= referred_on),
        ADD CHECK (declined_on IS NULL OR status = 'DECLINED'),
        ADD CHECK (decline_reason IS NULL OR status = 'DECLINED'),
        ADD CHECK (outcome IS NULL OR status = 'RESOLVED')`);
    await figuresViewToTable(
      q,
      "partner_year_figures",
      ["partner_id", "region_code", "year", "referred", "resolved"],
      `
        partner_id  integer NOT NULL REFERENCES welfare_partner(id),
        region_code varchar(2) NOT NULL,
        year        integer NOT NULL,
        referred    integer NOT NULL DEFAULT 0 CHECK (referred >= 0),
        resolved    integer NOT NULL DEFAULT 0 CHECK (resolved >= 0),
        PRIMARY KEY (partner_id, year)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await dropFiguresTable(q, "partner_year_figures");
    await q.query(`
      ALTER TABLE welfare_referral DROP COLUMN outcome, DROP COLUMN decline_reason, DROP COLUMN declined_on, DROP COLUMN accepted_on,
        DROP COLUMN referring_center_id, DROP COLUMN reason_category, DROP COLUMN version`);
    throw new Error("the materialised view partner_year_figures is recreated by re-running migration PartnerYearFigures1732579200000");
  }
}
