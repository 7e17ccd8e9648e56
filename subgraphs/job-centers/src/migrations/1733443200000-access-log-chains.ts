import type { MigrationInterface, QueryRunner } from "typeorm";
import { addAccessLogChains, dropAccessLogChains } from "@lib/db/access-log-chains";

/** The access log's hash chain in parallel chains, so that appends no longer wait one WAL flush at a time (lib/db/access-log-chains.ts). */
export class AccessLogChains1733443200000 implements MigrationInterface {
  name = "AccessLogChains1733443200000";

  async up(q: QueryRunner): Promise<void> {
    await addAccessLogChains(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await dropAccessLogChains(q);
  }
}
