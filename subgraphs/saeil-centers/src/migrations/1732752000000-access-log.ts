import type { MigrationInterface, QueryRunner } from "typeorm";
import { createAccessLogTables, dropAccessLogTables } from "@lib/db/access-log-tables";

/** This agency's tamper-evident log of reads of participants' personal data (the same table in every subgraph). */
export class AccessLog1732752000000 implements MigrationInterface {
  name = "AccessLog1732752000000";

  up(q: QueryRunner): Promise<void> {
    return createAccessLogTables(q);
  }

  down(q: QueryRunner): Promise<void> {
    return dropAccessLogTables(q);
  }
}
