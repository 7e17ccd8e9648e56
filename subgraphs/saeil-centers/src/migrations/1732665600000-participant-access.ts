import type { MigrationInterface, QueryRunner } from "typeorm";
import { createParticipantAccessTables, dropParticipantAccessTables } from "@lib/db/participant-access-tables";

/** The relationships and consents this agency's rules read (the same tables in every subgraph). */
export class ParticipantAccess1732665600000 implements MigrationInterface {
  name = "ParticipantAccess1732665600000";

  up(q: QueryRunner): Promise<void> {
    return createParticipantAccessTables(q);
  }

  down(q: QueryRunner): Promise<void> {
    return dropParticipantAccessTables(q);
  }
}
