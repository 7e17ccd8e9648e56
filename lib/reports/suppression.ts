/**
 * Small-cell suppression of published counts of persons (PIPA §28-2: statistics must not identify a person).
 *
 * A count from 1 to 4 could single someone out, so it is withheld (SMALL_CELL). Withholding it alone is not enough
 * when the table also shows a total of which it is a part: the total minus the visible parts would give it back. So
 * wherever a visible total has exactly one withheld part, a second part is withheld too (COMPLEMENTARY): the
 * smallest other visible non-zero part, which costs the reader the least. 0 is shown: it identifies nobody.
 */

/** Why a cell is withheld: it is a small count itself, or it would let a reader work one out by subtraction. */
export type SuppressionReason = "SMALL_CELL" | "COMPLEMENTARY";

/** The smallest count of persons that is shown; 1 to `MIN_SHOWN - 1` are withheld. */
export const MIN_SHOWN = 5;

/**
 * A published total and the published cells that add up to it (a region's figure and its offices' figures). A
 * total may itself be a part of another (regions of a national total); a part may belong to several totals (the rows and columns of a two-way table).
 */
export interface Total<K> {
  total: K;
  parts: readonly K[];
}

/** Whether a count of persons is small enough to identify someone. */
export function isSmallCount(value: number): boolean {
  return value > 0 && value < MIN_SHOWN;
}

/**
 * The cells of one table (one year, one field) to withhold, and why. `cells` holds every published cell's value;
 * `totals` says which cells add up to which (a cell may be a part of several, as in a two-way table's rows and
 * columns). `isSmall` decides step 1 for a figure that is not a count of persons itself (a sum of money paid to few
 * persons); by default a count from 1 to 4. Deterministic: ties go to the part listed first.
 *
 * 1. every small count (1–4) is withheld;
 * 2. each total and its parts are one equation, and an equation with exactly one withheld cell gives it back. While
 *    some equation has exactly one, the smallest visible non-zero part of it is withheld as well (COMPLEMENTARY), or
 *    the total when no part is left to withhold. Withholding only ever grows, so this ends.
 *
 * With regions as totals of offices, step 2 is "a region showing its total with exactly one office withheld"; the
 * other cases matter once a total of totals (a national row) is published.
 */
export function suppressCells<K>(
  cells: ReadonlyMap<K, number>,
  totals: readonly Total<K>[],
  isSmall: (key: K, value: number) => boolean = (_, value) => isSmallCount(value),
): Map<K, SuppressionReason> {
  const withheld = new Map<K, SuppressionReason>();
  for (const [key, value] of cells) if (isSmall(key, value)) withheld.set(key, "SMALL_CELL");
  let changed = true;
  while (changed) {
    changed = false;
    for (const { total, parts } of totals) {
      if ([total, ...parts].filter((cell) => withheld.has(cell)).length !== 1) continue;
      const complement = smallestVisiblePart(cells, parts, withheld) ?? (withheld.has(total) ? undefined : total);
      // unreachable when the parts add up to the total: a withheld total then has a non-zero part
      if (complement === undefined) continue;
      withheld.set(complement, "COMPLEMENTARY");
      changed = true;
    }
  }
  return withheld;
}

function smallestVisiblePart<K>(cells: ReadonlyMap<K, number>, parts: readonly K[], withheld: ReadonlyMap<K, unknown>): K | undefined {
  let smallest: K | undefined;
  for (const part of parts) {
    const value = cells.get(part) ?? 0;
    if (withheld.has(part) || value === 0) continue;
    if (smallest === undefined || value < (cells.get(smallest) ?? 0)) smallest = part;
  }
  return smallest;
}
