import type { Client } from "pg";
import type { SubgraphName } from "../../lib/subgraph-names";
import { copyRows } from "../copy/copy-rows";
import type { RowBatch } from "../copy/row-batch";
import { tablesOf, type TableName } from "../copy/tables";

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
 * Writes a batch's rows of one database level by level, so parents are in before their children; within a level,
 * each lane's tables go one after another over that lane's connection, lanes side by side.
 */
export async function writeBatch(connections: Client[], database: SubgraphName, batch: RowBatch): Promise<void> {
  const tables = tablesOf(database);
  const levels = [...new Set(tables.map((t) => t.level))].sort((a, b) => a - b);
  for (const level of levels) {
    const lanes = connections.map(async (client, lane) => {
      for (const table of tables.filter((t) => t.level === level && t.lane === lane)) {
        await copyRows(client, table, batch.bytes(table.name as TableName));
      }
    });
    const results = await Promise.allSettled(lanes);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
    if (failed) throw failed.reason;
  }
}

/**
 * Ends the seeding of one database: identity sequences continue after the seeded ids (the services insert rows
 * too), statistics are refreshed for the planner, and `seed_run` is written last — its presence means "done".
 */
export async function finishSeeding(client: Client, database: SubgraphName, seed: string, participants: number): Promise<void> {
  for (const table of tablesOf(database).filter((t) => t.identity)) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${table.name}', 'id'), COALESCE(max(id), 0) + 1, false) FROM ${table.name}`);
  }
  await client.query("ANALYZE");
  await client.query(`INSERT INTO ${SEED_RUN} (seed, participants) VALUES ($1, $2)`, [seed, participants]);
}
