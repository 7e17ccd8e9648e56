import { PROGRAM_START, PROGRAM_YEARS, workdayWithin, yearSpan, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import { companyName } from "../people/vocabulary";
import type { EmploymentCenter, WorkExperienceCompany } from "./directory-types";

export const SEOUL_CENTER = "서울고용센터";
/** 서울고용센터's host companies (일경험 참여기업) by year: 2,485 in 2022, +93% on 2021 — the most in the country. */
export const SEOUL_HOST_COMPANIES: Readonly<Record<number, number>> = { 2021: 1288, 2022: 2485, 2023: 2310 };
/** Every other office stays well below Seoul's 2021 figure. */
const OTHER_CENTER_CAP = 700;

/** How many companies each office signs up per program year. */
function yearlyCounts(rng: Random, center: EmploymentCenter): number[] {
  if (center.name === SEOUL_CENTER) return PROGRAM_YEARS.map((year) => SEOUL_HOST_COMPANIES[year]);
  const first = center.parentId === null ? Math.round(rng.int(30, 140) * (0.6 + center.applicantWeight)) : rng.int(8, 40);
  const second = Math.round(first * (1.2 + 0.6 * rng.float()));
  const third = Math.round(second * (0.85 + 0.35 * rng.float()));
  return [first, second, third].map((n) => Math.min(n, OTHER_CENTER_CAP));
}

/** A working day of `year`, never pushed into the neighbouring year (the yearly counts must stay exact). */
function signUpDay(rng: Random, year: number): Day {
  const [first, last] = yearSpan(year);
  return workdayWithin(rng.int(first, last), first, last);
}

/**
 * Host companies of every office, numbered from 1, by office then sign-up date. Each office's first company signs up
 * the day the program opens, so that anyone starting work experience has a company to go to.
 */
export function buildWorkExperienceCompanies(rng: Random, centers: readonly EmploymentCenter[]): WorkExperienceCompany[] {
  const companies: WorkExperienceCompany[] = [];
  for (const center of centers) {
    const days: Day[] = [];
    yearlyCounts(rng, center).forEach((count, i) => {
      for (let k = 0; k < count; k += 1) days.push(signUpDay(rng, PROGRAM_YEARS[i]));
    });
    days[0] = PROGRAM_START;
    days.sort((a, b) => a - b);
    for (const signedUpOn of days) {
      companies.push({ id: companies.length + 1, employmentCenterId: center.id, name: companyName(rng), signedUpOn });
    }
  }
  return companies;
}
