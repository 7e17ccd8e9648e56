import DataLoader from "dataloader";

/**
 * Results of a batch in key order, `null` for a key with no row: what DataLoader requires of a batch function.
 */
export function orderByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): (V | null)[] {
  const byKey = new Map<K, V>();
  for (const row of rows) byKey.set(keyOf(row), row);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** Rows grouped per key, in key order, an empty list for a key with no rows (one-to-many fields). */
export function groupByKeys<K, V>(keys: readonly K[], rows: readonly V[], keyOf: (row: V) => K): V[][] {
  const byKey = new Map<K, V[]>();
  for (const key of keys) byKey.set(key, []);
  for (const row of rows) byKey.get(keyOf(row))?.push(row);
  return keys.map((key) => byKey.get(key) ?? []);
}

/** A loader of one row per key: `fetch` runs one SQL statement for the whole batch. */
export function rowLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader(async (keys) => orderByKeys(keys, await fetch(keys), keyOf));
}

/** A loader of many rows per key: `fetch` runs one SQL statement for the whole batch. */
export function listLoader<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader(async (keys) => groupByKeys(keys, await fetch(keys), keyOf));
}
