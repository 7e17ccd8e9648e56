import type { EntityManager } from "typeorm";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";

/** The per-office, per-year figures a write changes (the columns of `center_year_figures`). */
export type CenterYearDelta = Partial<Record<"applicants" | "started" | "employed" | "placed" | "companies" | "paid", number>>;

/**
 * The upsert adding `values` (SQL expressions, one per column) to an office's year: `office` is the center's id,
 * its region's code and the year, as SQL expressions too, selected `from` what follows (a CTE, so that a statement
 * of several writes adds only what it wrote). Shared by {@link addToCenterYear} and writes that fold it into one statement.
 */
export function centerYearUpsert(columns: ReadonlyArray<keyof CenterYearDelta>, office: string, values: string[], from = ""): string {
  const updates = columns.map((c) => `${c} = center_year_figures.${c} + EXCLUDED.${c}`).join(", ");
  return `INSERT INTO center_year_figures (center_id, region_code, year, ${columns.join(", ")}) SELECT ${office}, ${values.join(", ")} ${from}
     ON CONFLICT (center_id, year) DO UPDATE SET ${updates}`;
}

/**
 * Adds a write's effect to its office's figures for the year, in the write's own transaction: the national report
 * reads these rows, so it shows the write on the next query and keeps reading ~400 rows whatever the records' size.
 * Writers of one office and year wait on one row for the length of their commit, never longer. The gateway's cached
 * reports are keyed by the figures version: it moves in the same statement (one round trip, not two).
 */
export async function addToCenterYear(
  tx: EntityManager,
  office: { centerId: number; regionCode: string },
  date: string,
  delta: CenterYearDelta,
): Promise<void> {
  const columns = Object.keys(delta) as Array<keyof CenterYearDelta>;
  if (columns.length === 0) return;
  const upsert = centerYearUpsert(
    columns,
    "$1::int, $2::text, $3::int",
    columns.map((_, i) => `$${i + 4}::bigint`),
  );
  await tx.query(`WITH bumped AS (${BUMP_FIGURES_VERSION}) ${upsert}`, [
    office.centerId,
    office.regionCode,
    Number(date.slice(0, 4)),
    ...columns.map((c) => delta[c]),
  ]);
}
