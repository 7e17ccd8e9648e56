import DataLoader from "dataloader";
import type { DataSource, EntityTarget, ObjectLiteral } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { ACCESS_ROWS, accessOf, type AccessRow } from "./participant-access";

/** Column types whose values JSON carries as numbers but the driver gives as strings (no precision is lost). */
const STRING_NUMBERS = new Set<unknown>(["bigint", "int8", "numeric", "decimal"]);

/**
 * A loader of an agency's records about each participant (rows of `entity` whose `participant_id` is the key, in
 * `orderBy` order, as `r`) that reads, in the same statement, what the row rule needs about each participant (links
 * and consents) and primes `participantAccess` with it. The rule runs before any record is given out, as before;
 * it just costs no statement of its own: Participant360 asks every agency for its records and the rule together,
 * and one round trip instead of two is a third of the SQL at the agencies that hold little about a person.
 */
export function recordsWithAccessLoader<E extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<E>,
  participantAccess: DataLoader<string, ParticipantAccess>,
  orderBy: string,
): DataLoader<string, E[]> {
  const metadata = db.getMetadata(entity);
  // the access rows, then the records as `kind` 3, numbered in `orderBy` order (a UNION keeps no order of its own)
  const sql = `
    SELECT pid, kind, a, b, NULL::json AS record, 0::bigint AS n FROM (${ACCESS_ROWS}) AS access
    UNION ALL
    SELECT r.participant_id::text, 3, NULL, NULL, row_to_json(r), row_number() OVER (ORDER BY ${orderBy})
    FROM ${metadata.tablePath} r WHERE r.participant_id = ANY($1::uuid[])`;
  // a json row of the table as the entity the driver would have made of it
  const hydrate = (record: Record<string, unknown>): E => {
    const row = metadata.create() as E;
    for (const column of metadata.columns) {
      let value = record[column.databaseName];
      if (typeof value === "number" && STRING_NUMBERS.has(column.type)) value = String(value);
      column.setEntityValue(row, db.driver.prepareHydratedValue(value, column));
    }
    return row;
  };
  return new DataLoader(async (ids) => {
    const rows: Array<AccessRow & { record: Record<string, unknown> | null; n: string }> = await db.query(sql, [ids]);
    accessOf(ids, rows).forEach((access, i) => participantAccess.prime(ids[i], access));
    const records = new Map<string, E[]>(ids.map((id) => [id.toLowerCase(), []]));
    const numbered = rows.filter((row) => row.kind === 3).sort((x, y) => Number(x.n) - Number(y.n));
    for (const row of numbered) records.get(row.pid)?.push(hydrate(row.record!));
    return ids.map((id) => records.get(id.toLowerCase())!);
  });
}
