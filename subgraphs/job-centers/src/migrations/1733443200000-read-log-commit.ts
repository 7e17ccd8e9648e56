import type { MigrationInterface, QueryRunner } from "typeorm";
import { commitReadEntriesAsynchronously } from "@lib/db/access-log-tables";

/** Read entries of the access log commit without waiting for the disk (lib/db/access-log-tables.ts says why). */
export class ReadLogCommit1733443200000 implements MigrationInterface {
  name = "ReadLogCommit1733443200000";

  up(q: QueryRunner): Promise<void> {
    return commitReadEntriesAsynchronously(q, true);
  }

  down(q: QueryRunner): Promise<void> {
    return commitReadEntriesAsynchronously(q, false);
  }
}
