import { isSmallCount, MIN_SHOWN, suppressCells, type Total } from "@lib/reports/suppression";
import { COUNTS, type Count, type GroupRow } from "./breakdown.read";

/** Every program participant is paid at most 6 times (Act §20): a sum of payments was paid to at least payments / 6 persons. */
const MAX_PAYMENTS_PER_PERSON = 6;

/**
 * A group's counts over the year, and the most persons paid in one month of one of its cells: a group holds at least
 * the persons of each of its parts, so that bounds the persons paid from below.
 */
export interface GroupCounts {
  counts: Record<Count, number>;
  payeesInAMonth: number;
}

/** Counts per published key: each cell, the total, and for two dimensions the row and column totals. */
export interface Groups {
  cells: Map<string, GroupCounts>;
  /** Every key the suppression must protect: cells, marginals and the total. */
  all: Map<string, GroupCounts>;
  equations: Total<string>[];
}

export const TOTAL_KEY = "*";
const SEP = "\u0001";
export const cellKeyOf = (values: readonly string[]) => values.join(SEP);
export const valuesOf = (key: string) => key.split(SEP);

export function emptyGroup(): GroupCounts {
  return { counts: Object.fromEntries(COUNTS.map((c) => [c, 0])) as Record<Count, number>, payeesInAMonth: 0 };
}

/**
 * Adds the cells up to their marginals and the total. With two dimensions the row and column totals are
 * protected like the total although they are not shown: an analyst gets them by asking for one dimension.
 */
export function groupRows(rows: readonly GroupRow[], dimensions: number): Groups {
  const all = new Map<string, GroupCounts>();
  const cells = new Map<string, GroupCounts>();
  const add = (key: string, row: GroupRow) => {
    const group = all.get(key) ?? emptyGroup();
    for (const c of COUNTS) group.counts[c] += row.counts[c];
    group.payeesInAMonth = Math.max(group.payeesInAMonth, row.payeesInAMonth);
    all.set(key, group);
    return group;
  };
  const rowsOf = new Map<string, Set<string>>();
  const columnsOf = new Map<string, Set<string>>();
  for (const row of rows) {
    const key = cellKeyOf(row.values);
    cells.set(key, add(key, row));
    add(TOTAL_KEY, row);
    if (dimensions === 2) {
      const [a, b] = row.values;
      add(`${a}${SEP}*`, row);
      add(`*${SEP}${b}`, row);
      rowsOf.set(a, (rowsOf.get(a) ?? new Set()).add(key));
      columnsOf.set(b, (columnsOf.get(b) ?? new Set()).add(key));
    }
  }
  const equations: Total<string>[] =
    dimensions === 1
      ? [{ total: TOTAL_KEY, parts: [...cells.keys()] }]
      : [
          ...[...rowsOf].map(([a, parts]) => ({ total: `${a}${SEP}*`, parts: [...parts] })),
          ...[...columnsOf].map(([b, parts]) => ({ total: `*${SEP}${b}`, parts: [...parts] })),
          { total: TOTAL_KEY, parts: [...rowsOf.keys()].map((a) => `${a}${SEP}*`) },
          { total: TOTAL_KEY, parts: [...columnsOf.keys()].map((b) => `*${SEP}${b}`) },
        ];
  return { cells, all, equations };
}

/** Fewest persons a group's allowance can have been paid to: the most paid in one month of a cell, and payments / 6. */
export function fewestPayees(group: GroupCounts): number {
  return Math.max(Math.ceil(group.counts.payments / MAX_PAYMENTS_PER_PERSON), group.payeesInAMonth);
}

/**
 * Which counts of which keys an analyst may not read: for every count, small values (1–4) and their complements
 * over every equation (lib/reports/suppression.ts). The counts behind a rate are counts of persons too (a rate and
 * its numerator give its denominator back), so they are protected the same way, shown or not. The allowance is
 * withheld where fewer than 5 persons could have been paid, and complemented like a count.
 */
export function withheldCounts(groups: Groups): Map<Count, Set<string>> {
  const withheld = new Map<Count, Set<string>>();
  for (const count of COUNTS) {
    if (count === "payments") continue;
    const values = new Map([...groups.all].map(([key, group]) => [key, group.counts[count]]));
    const small =
      count === "paid_won"
        ? (key: string, value: number) => value > 0 && fewestPayees(groups.all.get(key)!) < MIN_SHOWN
        : (_: string, value: number) => isSmallCount(value);
    withheld.set(count, new Set(suppressCells(values, groups.equations, small).keys()));
  }
  return withheld;
}
