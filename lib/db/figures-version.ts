import type { SqlRunner } from "./access-log-tables";

/**
 * The rows a bump spreads over, by the writer's backend. With one row every writer of figures waited on it until the
 * one before it had committed, its WAL flush included: a database's figure-changing writes went one flush at a time
 * (pgbench on the CI disk, 16 writers: 176/s, against 975/s for the same writes without the bump).
 */
export const FIGURES_VERSION_SHARDS = 16;

/**
 * A subgraph's figures version: one number that changes whenever the figures its reports are computed from may have
 * changed. The gateway keys its cache of reports by the four subgraphs' versions (gateway/src/use-report-cache.ts),
 * so a cached report is never served once any agency's figures moved.
 *
 * Every writer of records a report counts bumps it with {@link BUMP_FIGURES_VERSION}, in the transaction that
 * refreshes the materialised figures (today the seeder; tomorrow each mutation): readers then see the new version
 * and the new figures together, never one without the other. A version read before a write commits can only key
 * a report of the old figures under the old version, which nobody asks for again. A bump too many (a refresh that
 * changed nothing) costs one recomputation, never a wrong answer. A bump adds one to the row of the writer's backend.
 */
export const BUMP_FIGURES_VERSION = `UPDATE figures_version SET version = version + 1 WHERE shard = pg_backend_pid() % ${FIGURES_VERSION_SHARDS}`;

/** {@link BUMP_FIGURES_VERSION} only when `condition` holds (e.g. a CTE of the same statement wrote a row). */
export const bumpFiguresVersionIf = (condition: string): string => `${BUMP_FIGURES_VERSION} AND ${condition}`;

/**
 * The version is the sum of {@link FIGURES_VERSION_SHARDS} rows (16 rows by primary key: still among the cheapest
 * statements): every committed bump adds one to it, and it moves with the figures in the same commit.
 */
export const READ_FIGURES_VERSION = "SELECT sum(version)::text AS version FROM figures_version";

/** From one row to {@link FIGURES_VERSION_SHARDS}; the sum, and so the version readers see, is unchanged. */
export async function shardFiguresVersion(q: SqlRunner): Promise<void> {
  // dropping the column drops its primary key and check with it
  await q.query("ALTER TABLE figures_version DROP COLUMN one");
  await q.query(
    `ALTER TABLE figures_version ADD COLUMN shard smallint NOT NULL DEFAULT 0 PRIMARY KEY CHECK (shard BETWEEN 0 AND ${FIGURES_VERSION_SHARDS - 1})`,
  );
  await q.query(`INSERT INTO figures_version (shard, version) SELECT s, 0 FROM generate_series(1, ${FIGURES_VERSION_SHARDS - 1}) s`);
}

export async function unshardFiguresVersion(q: SqlRunner): Promise<void> {
  await q.query("UPDATE figures_version SET version = (SELECT sum(version) FROM figures_version) WHERE shard = 0");
  await q.query("DELETE FROM figures_version WHERE shard <> 0");
  await q.query("ALTER TABLE figures_version DROP COLUMN shard");
  await q.query("ALTER TABLE figures_version ADD COLUMN one boolean PRIMARY KEY DEFAULT true CHECK (one)");
}

export async function createFiguresVersionTable(q: SqlRunner): Promise<void> {
  // exactly one row: the key can only be true
  await q.query("CREATE TABLE figures_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL)");
  await q.query("INSERT INTO figures_version (version) VALUES (1)");
}

export async function dropFiguresVersionTable(q: SqlRunner): Promise<void> {
  await q.query("DROP TABLE figures_version");
}
