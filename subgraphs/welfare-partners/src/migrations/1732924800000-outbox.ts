import type { MigrationInterface, QueryRunner } from "typeorm";
import { createOutboxTables, dropOutboxTables } from "@lib/events/outbox-tables";

/** The outbox of this agency's events and the record of other agencies' events it has handled (lib/events/). */
export class Outbox1732924800000 implements MigrationInterface {
  name = "Outbox1732924800000";

  up(q: QueryRunner): Promise<void> {
    return createOutboxTables(q, true);
  }

  down(q: QueryRunner): Promise<void> {
    return dropOutboxTables(q, true);
  }
}
