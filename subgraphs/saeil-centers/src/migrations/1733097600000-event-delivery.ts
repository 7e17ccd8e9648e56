import type { MigrationInterface, QueryRunner } from "typeorm";
import { createDeliveryTable, createParticipantNoticeTable } from "@lib/events/delivery-tables";

/** How far this agency's events have reached each target, and what it keeps of the other agencies' events. */
export class EventDelivery1733097600000 implements MigrationInterface {
  name = "EventDelivery1733097600000";

  async up(q: QueryRunner): Promise<void> {
    await createDeliveryTable(q);
    await createParticipantNoticeTable(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE participant_notice`);
    await q.query(`DROP TABLE outbox_delivery`);
  }
}
