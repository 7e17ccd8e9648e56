/**
 * Dates as whole days since 1970-01-01 (UTC). Day numbers are cheap to compare and add, and the seeder formats
 * millions of them, so their text comes from a table built once.
 */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** The day number of a calendar date (month 1–12). */
export function day(year: number, month: number, date: number): Day {
  return Date.UTC(year, month - 1, date) / MS_PER_DAY;
}

/** The last day the data describes: every record is "as of" this date. */
export const SNAPSHOT: Day = day(2023, 12, 31);
/** The program took its first applications on the first working Monday of 2021. */
export const PROGRAM_START: Day = day(2021, 1, 4);
export const PROGRAM_YEARS = [2021, 2022, 2023] as const;

const TABLE_FIRST: Day = day(2018, 1, 1);
const TABLE_LAST: Day = day(2027, 12, 31);
const DATE_TEXT: string[] = [];
for (let d = TABLE_FIRST; d <= TABLE_LAST; d += 1) DATE_TEXT.push(new Date(d * MS_PER_DAY).toISOString().slice(0, 10));

/** `YYYY-MM-DD`, the form PostgreSQL reads for `date`. */
export function dateText(d: Day): string {
  const text = DATE_TEXT[d - TABLE_FIRST];
  if (text === undefined) throw new RangeError(`day ${d} is outside the seeded calendar`);
  return text;
}

export function yearOf(d: Day): number {
  return Number(dateText(d).slice(0, 4));
}

/** Months counted from year 0 (`year * 12 + month - 1`), so that "the next month" is `+ 1`. */
export function monthOf(d: Day): number {
  const text = dateText(d);
  return Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;
}

/** The day `date` (1–28) of a month counted as in `monthOf`. */
export function dayInMonth(month: number, date: number): Day {
  return day(Math.floor(month / 12), (month % 12) + 1, date);
}

/** `YYYY-MM` of a month counted as in `monthOf`. */
export function monthText(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, "0")}`;
}

export function dayOfMonth(d: Day): number {
  return Number(dateText(d).slice(8, 10));
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(d: Day): number {
  return (((d + 4) % 7) + 7) % 7;
}

/** Offices work Monday to Friday: a Saturday moves back to Friday, a Sunday forward to Monday. */
export function workday(d: Day): Day {
  const w = weekday(d);
  return w === 6 ? d - 1 : w === 0 ? d + 1 : d;
}

/** The first and last day of a year. */
export function yearSpan(year: number): [Day, Day] {
  return [day(year, 1, 1), day(year, 12, 31)];
}

/** `workday(d)`, unless that leaves [first, last]; then `d` itself (yearly counts must not spill into another year). */
export function workdayWithin(d: Day, first: Day, last: Day): Day {
  const moved = workday(d);
  return moved < first || moved > last ? d : moved;
}
