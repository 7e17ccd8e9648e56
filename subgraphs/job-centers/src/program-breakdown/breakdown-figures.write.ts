import type { EntityManager } from "typeorm";
import { BUMP_FIGURES_VERSION } from "@lib/db/figures-version";

/** The measures of `breakdown_figures` a write changes (see breakdown.read.ts for what each counts). */
export type BreakdownDelta = Partial<
  Record<
    "applicants" | "started" | "ended" | "employed" | "placed" | "timed" | "kept_6" | "kept_12" | "payments" | "payees" | "paid_won",
    number
  >
>;

/** The participant `p`'s cell in the month of `date` (an SQL date): office, track, age band at application, gender (as recompute_breakdown_cells). */
const cellOf = (date: string) => `extract(year FROM ${date}), extract(month FROM ${date}), p.employment_center_id, p.track,
              breakdown_age_band(extract(year FROM p.applied_on)::int - p.birth_year), p.gender`;
const CELL = cellOf("$2::date");
const KEY = "year, month, center_id, track, age_band, gender";

/**
 * The upsert adding `values` (SQL expressions, one per column, none negative) to participant `p`'s cell in the month of
 * `date`, selected `from` rows that name `participant p` (with a CTE, a statement of several writes adds only what it
 * wrote). Shared by {@link addToBreakdown} and writes that fold it into one statement.
 */
export function breakdownUpsert(columns: ReadonlyArray<keyof BreakdownDelta>, date: string, values: string[], from: string): string {
  return `INSERT INTO breakdown_figures (${KEY}, ${columns.join(", ")})
       SELECT ${cellOf(date)}, ${values.join(", ")} ${from}
       ON CONFLICT (${KEY}) DO UPDATE SET ${columns.map((c) => `${c} = breakdown_figures.${c} + EXCLUDED.${c}`).join(", ")}`;
}

/**
 * Adds a write's effect on the breakdown to the participant's cell, in the write's own transaction (one statement,
 * the participant's attributes read in it, the figures version moved in it so the gateway's cached reports are not
 * served again). A negative delta (a count moved to another track) updates the row, which the count put there.
 */
export async function addToBreakdown(tx: EntityManager, participantId: string, date: string, delta: BreakdownDelta): Promise<void> {
  const columns = (Object.keys(delta) as Array<keyof BreakdownDelta>).filter((c) => delta[c] !== 0);
  if (columns.length === 0) return;
  const values = columns.map((c) => delta[c]);
  const write = values.some((v) => v! < 0)
    ? `UPDATE breakdown_figures f SET ${columns.map((c, i) => `${c} = f.${c} + $${i + 3}`).join(", ")} FROM participant p
       WHERE p.id = $1 AND (f.${KEY.replaceAll(", ", ", f.")}) = (${CELL})`
    : breakdownUpsert(
        columns,
        "$2::date",
        columns.map((_, i) => `$${i + 3}::bigint`),
        "FROM participant p WHERE p.id = $1",
      );
  await tx.query(`WITH bumped AS (${BUMP_FIGURES_VERSION}) ${write}`, [participantId, date, ...values]);
}

/**
 * Counts a job `days` after the participant's action plan in the histograms the medians are read from, in one
 * statement: the finest cell's (a center manager's medians) and, through `count_breakdown_days`, every group a
 * national breakdown can show, with those groups' medians (migration 1733616000000).
 */
export async function addDaysToBreakdown(tx: EntityManager, participantId: string, employedOn: string, days: number): Promise<void> {
  await tx.query(
    `WITH cell AS (
       SELECT extract(year FROM $2::date) AS year, extract(month FROM $2::date) AS month, p.employment_center_id AS center_id,
              p.track, breakdown_age_band(extract(year FROM p.applied_on)::int - p.birth_year) AS age_band, p.gender, c.region_code
       FROM participant p JOIN employment_center c ON c.id = p.employment_center_id WHERE p.id = $1),
     finest AS (
       INSERT INTO breakdown_days (${KEY}, days, n)
       SELECT ${KEY}, $3::int, 1 FROM cell
       ON CONFLICT (${KEY}, days) DO UPDATE SET n = breakdown_days.n + 1)
     SELECT count_breakdown_days(year::smallint, region_code, center_id, track, age_band, gender, month::int, $3::int) FROM cell`,
    [participantId, employedOn, days],
  );
}
