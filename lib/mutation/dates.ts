import { badUserInput } from "@lib/graphql/errors";

/** Today in Korea (KST has no daylight saving): the program's dates are Korean calendar days. */
export function todayInKorea(now: Date = new Date()): string {
  return new Date(now.getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** The day `days` after an ISO date. */
export function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** The same day `months` later, clamped to the month's end (2022-01-31 + 1 month = 2022-02-28), as a deadline counts. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** Refuses a date in the future or before `earliest` (inclusive bounds), naming the input field. */
export function checkDay(field: string, date: string, earliest: string, earliestWhat: string, today = todayInKorea()): void {
  if (date > today) throw badUserInput(`${field} (${date}) is in the future; today is ${today}.`, field);
  if (date < earliest) throw badUserInput(`${field} (${date}) is before ${earliestWhat} (${earliest}).`, field);
}

/** The program began on 2021-01-01 (국민취업지원제도): no record of it is dated earlier. */
export const PROGRAM_START_DAY = "2021-01-01";
