import type { EntityManager } from "typeorm";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";

/** The per-office, per-year figures a write changes (the columns of `center_year_figures`). */
export type CenterYearDelta = Partial<Record<"applicants" | "started" | "employed" | "placed" | "companies" | "paid", number>>;

/**
 * Adds a write's effect to its office's figures for the year, in the write's own transaction: the national report
 * reads these rows, so it shows the write on the next query and keeps reading ~400 rows whatever the records' size.
 * Writers of one office and year wait on one row for the length of their commit, never longer.
 */
export async function addToCenterYear(
  tx: EntityManager,
  office: { centerId: number; regionCode: string },
  date: string,
  delta: CenterYearDelta,
): Promise<void> {
  const columns = Object.keys(delta) as Array<keyof CenterYearDelta>;
  if (columns.length === 0) return;
  const values = columns.map((_, i) => `$${i + 4}`).join(", ");
  const updates = columns.map((c) => `${c} = center_year_figures.${c} + EXCLUDED.${c}`).join(", ");
  await tx.query(
    `INSERT INTO center_year_figures (center_id, region_code, year, ${columns.join(", ")}) VALUES ($1, $2, $3, ${values})
     ON CONFLICT (center_id, year) DO UPDATE SET ${updates}`,
    [office.centerId, office.regionCode, Number(date.slice(0, 4)), ...columns.map((c) => delta[c])],
  );
  // the gateway's cached reports are keyed by this version: it moves with the figures, in the same transaction
  await tx.query(BUMP_FIGURES_VERSION);
}
