import type { MigrationInterface, QueryRunner } from "typeorm";
import { createDeliveryTable } from "@lib/events/delivery-tables";

/** How far this agency's events have reached each target, and what it keeps of the other agencies' events. */
export class EventDelivery1733097600000 implements MigrationInterface {
  name = "EventDelivery1733097600000";

  async up(q: QueryRunner): Promise<void> {
    await createDeliveryTable(q);
    // where a local center found the person (OutreachLinked): the employment center sees its case's source
    await q.query(`
      CREATE TABLE participant_source (
        participant_id      uuid PRIMARY KEY REFERENCES participant(id),
        local_job_center_id integer NOT NULL,
        outreach_id         text NOT NULL,
        discovered_on       date NOT NULL)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_source`);
    await q.query(`DROP TABLE outbox_delivery`);
  }
}
