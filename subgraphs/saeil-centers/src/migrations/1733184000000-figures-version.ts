import type { MigrationInterface, QueryRunner } from "typeorm";
import { createFiguresVersionTable, dropFiguresVersionTable } from "@lib/db/figures-version";

/** The version of this agency's report figures, bumped by whatever refreshes them (the same table in every subgraph). */
export class FiguresVersion1733184000000 implements MigrationInterface {
  name = "FiguresVersion1733184000000";

  up(q: QueryRunner): Promise<void> {
    return createFiguresVersionTable(q);
  }

  down(q: QueryRunner): Promise<void> {
    return dropFiguresVersionTable(q);
  }
}
