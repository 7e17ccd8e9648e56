import type { MigrationInterface, QueryRunner } from "typeorm";
import { shardFiguresVersion, unshardFiguresVersion } from "@lib/db/figures-version";

/** The figures version in 16 rows, so that writers of figures no longer wait on one row's commit (lib/db/figures-version.ts). */
export class FiguresVersionShards1733529600000 implements MigrationInterface {
  name = "FiguresVersionShards1733529600000";

  async up(q: QueryRunner): Promise<void> {
    await shardFiguresVersion(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await unshardFiguresVersion(q);
  }
}
