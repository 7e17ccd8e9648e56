import type { SqlRunner } from "./access-log-tables";

/**
 * A subgraph's figures version: one number that changes whenever the figures its reports are computed from may have
 * changed. The gateway keys its cache of reports by the four subgraphs' versions (gateway/src/use-report-cache.ts),
 * so a cached report is never served once any agency's figures moved.
 *
 * Every writer of records a report counts bumps it with {@link BUMP_FIGURES_VERSION}, in the transaction that
 * refreshes the materialised figures (today the seeder; tomorrow each mutation): readers then see the new version
 * and the new figures together, never one without the other. A version read before a write commits can only key
 * a report of the old figures under the old version, which nobody asks for again. A bump too many (a refresh that
 * changed nothing) costs one recomputation, never a wrong answer.
 */
export const BUMP_FIGURES_VERSION = "UPDATE figures_version SET version = version + 1";

/** One primary-key row: the cheapest statement a subgraph can run. */
export const READ_FIGURES_VERSION = "SELECT version::text AS version FROM figures_version";

export async function createFiguresVersionTable(q: SqlRunner): Promise<void> {
  // exactly one row: the key can only be true
  await q.query("CREATE TABLE figures_version (one boolean PRIMARY KEY DEFAULT true CHECK (one), version bigint NOT NULL)");
  await q.query("INSERT INTO figures_version (version) VALUES (1)");
}

export async function dropFiguresVersionTable(q: SqlRunner): Promise<void> {
  await q.query("DROP TABLE figures_version");
}
