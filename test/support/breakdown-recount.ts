import type { TestSystem } from "./system";

/**
 * The breakdown counted again from the raw records, in JS, independently of job-centers' figures tables: what
 * `programBreakdown` must answer. Definitions as the schema documents them (docs/domain.md#breakdown).
 */
export type Dimension = "REGION" | "EMPLOYMENT_CENTER" | "TRACK" | "AGE_BAND" | "GENDER" | "QUARTER" | "MONTH";

export const FIGURES = [
  "applicants",
  "participantsStarted",
  "employed",
  "placementEmployments",
  "employmentRate",
  "placementShare",
  "medianDaysToEmployment",
  "retainedAt6Months",
  "retainedAt12Months",
  "allowancePaidWon",
] as const;
export type Figure = (typeof FIGURES)[number];
export type FigureValues = Record<Figure, number | null>;

/** The hidden counts behind the figures, for the suppression checks. */
export interface Tally {
  applicants: number;
  started: number;
  ended: number;
  employed: number;
  placed: number;
  days: number[];
  measured6: number;
  kept6: number;
  measured12: number;
  kept12: number;
  paidWon: number;
}

interface Person {
  id: string;
  center: number;
  region: string;
  track: string;
  gender: string;
  age: number;
  applied_on: string;
  decided_on: string | null;
  closed_on: string | null;
  employed_on: string | null;
  ended_on: string | null;
  via_placement: boolean | null;
  plan_on: string | null;
}

const band = (age: number) => (age < 18 ? "UNDER_18" : age <= 34 ? "YOUTH" : age <= 69 ? "MIDDLE_AGED" : "OVER_69");
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
/** The same day `months` later, or the month's last day (as PostgreSQL adds months to a date). */
function monthsLater(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}
const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

function valueOf(dimension: Dimension, p: Person, date: string): string {
  const month = Number(date.slice(5, 7));
  return {
    REGION: p.region,
    EMPLOYMENT_CENTER: String(p.center),
    TRACK: p.track,
    AGE_BAND: band(p.age),
    GENDER: p.gender,
    QUARTER: String(Math.ceil(month / 3)),
    MONTH: String(month),
  }[dimension];
}

export interface Recount {
  cells: Map<string, Tally>;
  total: Tally;
}

const empty = (): Tally => ({
  applicants: 0,
  started: 0,
  ended: 0,
  employed: 0,
  placed: 0,
  days: [],
  measured6: 0,
  kept6: 0,
  measured12: 0,
  kept12: 0,
  paidWon: 0,
});

/** Every cell of `year` by `by` (keys: the dimension values joined by "|"), and the total; `centerId` restricts. */
export async function recount(system: TestSystem, year: number, by: Dimension[], centerId: number | null, today: string): Promise<Recount> {
  const people = await system.sql<Person>(
    "job-centers",
    `SELECT p.id, p.employment_center_id AS center, p.region_code AS region, p.track, p.gender,
            extract(year FROM p.applied_on)::int - p.birth_year AS age, p.applied_on::text, p.eligibility_decided_on::text AS decided_on,
            p.closed_on::text, e.employed_on::text, e.ended_on::text, e.via_placement, a.established_on::text AS plan_on
     FROM participant p LEFT JOIN employment e ON e.participant_id = p.id LEFT JOIN action_plan a ON a.participant_id = p.id`,
  );
  const payments = await system.sql<{ participant_id: string; paid_on: string; amount_won: number }>(
    "job-centers",
    "SELECT participant_id, paid_on::text, amount_won FROM allowance_payment",
  );
  const cells = new Map<string, Tally>();
  const total = empty();
  const byId = new Map(people.map((p) => [p.id, p]));
  const count = (p: Person, date: string | null, add: (t: Tally) => void) => {
    if (date === null || Number(date.slice(0, 4)) !== year || (centerId !== null && p.center !== centerId)) return;
    const key = by.map((d) => valueOf(d, p, date)).join("|");
    const cell = cells.get(key) ?? empty();
    cells.set(key, cell);
    add(cell);
    add(total);
  };
  const now = monthIndex(today);
  for (const p of people) {
    count(p, p.applied_on, (t) => t.applicants++);
    count(p, p.decided_on, (t) => t.started++);
    if (p.decided_on !== null) count(p, p.employed_on ?? p.closed_on, (t) => t.ended++);
    if (p.employed_on === null) continue;
    const employedOn = p.employed_on;
    const kept = (months: number) => p.ended_on === null || p.ended_on >= monthsLater(employedOn, months);
    const passed = (months: number) => monthIndex(employedOn) + months < now;
    count(p, employedOn, (t) => {
      t.employed++;
      if (p.via_placement) t.placed++;
      if (p.plan_on !== null) t.days.push(dayNumber(employedOn) - dayNumber(p.plan_on));
      if (passed(6)) {
        t.measured6++;
        if (kept(6)) t.kept6++;
      }
      if (passed(12)) {
        t.measured12++;
        if (kept(12)) t.kept12++;
      }
    });
  }
  for (const payment of payments)
    count(byId.get(payment.participant_id)!, payment.paid_on, (t) => (t.paidWon += Number(payment.amount_won)));
  return { cells, total };
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  return sorted.length % 2 === 1 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

/** The ten figures of a tally, unsuppressed. */
export function figuresOf(t: Tally): FigureValues {
  return {
    applicants: t.applicants,
    participantsStarted: t.started,
    employed: t.employed,
    placementEmployments: t.placed,
    employmentRate: ratio(t.employed, t.ended),
    placementShare: ratio(t.placed, t.employed),
    medianDaysToEmployment: median(t.days),
    retainedAt6Months: ratio(t.kept6, t.measured6),
    retainedAt12Months: ratio(t.kept12, t.measured12),
    allowancePaidWon: t.paidWon,
  };
}

/** A cell's key as the recount names it, from the answer's `key`. */
export function keyOfAnswer(by: Dimension[], key: Record<string, unknown>): string {
  return by
    .map((d) => {
      const k = key as {
        region: { code: string } | null;
        employmentCenter: { id: string } | null;
        track: string;
        ageBand: string;
        gender: string;
        quarter: number;
        month: number;
      };
      return {
        REGION: k.region?.code,
        EMPLOYMENT_CENTER: k.employmentCenter?.id,
        TRACK: k.track,
        AGE_BAND: k.ageBand,
        GENDER: k.gender,
        QUARTER: String(k.quarter),
        MONTH: String(k.month),
      }[d];
    })
    .join("|");
}
