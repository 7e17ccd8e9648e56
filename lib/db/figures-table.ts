import type { SqlRunner } from "./access-log-tables";

/**
 * Turns an agency's materialised view of yearly figures into a table that each write keeps current in its own
 * transaction (the report shows a write on the next query, and still reads a few hundred rows). The view's own
 * query stays the one definition of the figures: `recompute_<name>()` runs it for bulk loads (the seeder calls every
 * such function), and once here to fill the table. `columns` are the view's, in its order; `columnDefinitions`
 * declares them with the key, which must end `(…, year)`; the table is indexed by (year, region_code) as the view was.
 */
export async function figuresViewToTable(q: SqlRunner, name: string, columns: readonly string[], columnDefinitions: string): Promise<void> {
  const [{ definition }] = (await q.query(`SELECT definition FROM pg_matviews WHERE matviewname = '${name}'`)) as Array<{
    definition: string;
  }>;
  await q.query(`DROP MATERIALIZED VIEW ${name}`);
  await q.query(`CREATE TABLE ${name} (${columnDefinitions})`);
  await q.query(`CREATE INDEX ${name}_year ON ${name} (year, region_code)`);
  await q.query(`
    CREATE FUNCTION recompute_${name}() RETURNS void LANGUAGE sql AS $fn$
      DELETE FROM ${name};
      INSERT INTO ${name} (${columns.join(", ")})
      ${definition.replace(/;\s*$/, "")};
    $fn$`);
  await q.query(`SELECT recompute_${name}()`);
}

/** Undoes {@link figuresViewToTable} but for the view, which its own migration recreates. */
export async function dropFiguresTable(q: SqlRunner, name: string): Promise<void> {
  await q.query(`DROP FUNCTION recompute_${name}()`);
  await q.query(`DROP TABLE ${name}`);
}
