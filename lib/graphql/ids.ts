/** A UUID in its canonical text form, any case: the one pattern ids and cursors are checked against. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INT_ID = /^[1-9][0-9]{0,9}$/;

/**
 * An ID argument as a uuid, or null when it cannot be one. An id of the wrong shape matches no record, which the
 * contract answers with null, not an error.
 */
export function parseUuid(id: string): string | null {
  return UUID_PATTERN.test(id) ? id.toLowerCase() : null;
}

/** An ID argument as a positive 32-bit integer key, or null when it cannot be one. */
export function parseIntId(id: string): number | null {
  if (!INT_ID.test(id)) return null;
  const value = Number(id);
  return value <= 2_147_483_647 ? value : null;
}

/** A region's key: its two-digit legal-dong (법정동) code, e.g. `28` (data/regions.json). */
export function isRegionCode(code: unknown): code is string {
  return typeof code === "string" && /^\d{2}$/.test(code);
}
