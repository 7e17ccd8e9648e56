import type { Client } from "pg";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";
import type { SubgraphName } from "@subgraphs/registry";
import { tablesOf } from "../copy/tables";

const SEED_RUN = "seed_run";

/**
 * Empties every seeded table of one database in one transaction, `seed_run` first among them: from here until the
 * seeding ends, the database says it is not seeded.
 */
export async function truncateSeeded(client: Client, database: SubgraphName): Promise<void> {
  const tables = [SEED_RUN, ...tablesOf(database).map((t) => t.name)];
  await client.query("BEGIN");
  try {
    await client.query(`TRUNCATE ${tables.join(", ")} RESTART IDENTITY CASCADE`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

/**
 * Ends the seeding of one database: identity sequences continue after the seeded ids (the services insert rows
 * too), the materialised report figures are recomputed from the new records (and their version bumped), statistics are refreshed for the
 * planner, and `seed_run` is written last — its presence means "done".
 */
export async function finishSeeding(client: Client, database: SubgraphName, seed: string, participants: number): Promise<void> {
  for (const table of tablesOf(database).filter((t) => t.identity)) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), COALESCE(max(id), 0) + 1, false) FROM ${table.name}`);
  }
  const { rows } = await client.query<{ name: string }>("SELECT matviewname AS name FROM pg_matviews WHERE schemaname = 'public'");
  // the figures and their version change in one transaction: a report cached by version is never stale (figures-version.ts)
  await client.query("BEGIN");
  try {
    for (const { name } of rows) await client.query(`REFRESH MATERIALIZED VIEW ${name}`);
    // figures kept current by the writes themselves are recomputed from the records after a bulk load
    const { rows: recompute } = await client.query<{ name: string }>(
      "SELECT proname AS name FROM pg_proc WHERE proname LIKE 'recompute\\_%\\_figures' AND pronamespace = 'public'::regnamespace",
    );
    for (const { name } of recompute) await client.query(`SELECT ${name}()`);
    await client.query(BUMP_FIGURES_VERSION);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  // VACUUM sets the visibility map, so counts (totalCount) are index-only scans from the first request on
  await client.query("VACUUM (ANALYZE)");
  await client.query(`INSERT INTO ${SEED_RUN} (seed, participants) VALUES ($1, $2)`, [seed, participants]);
}
