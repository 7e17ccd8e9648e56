import { SNAPSHOT, day, workday } from "../calendar/days";
import type { Random } from "../random/random";
import { streetAddress, type NameBook } from "../people/name-book";
import { SAEIL_COURSES, SAEIL_COURSE_HOURS, SAEIL_PLACES } from "./saeil-catalog";
import type { Region, SaeilCenter, SaeilCourse } from "./directory-types";

/** 새일센터 of every region, numbered from 1 in region order. */
export function buildSaeilCenters(rng: Random, regions: readonly Region[], names: NameBook): SaeilCenter[] {
  const centers: SaeilCenter[] = [];
  for (const region of regions) {
    for (const [place, district] of SAEIL_PLACES[region.code] ?? []) {
      const address = streetAddress(rng, names, region.name, district);
      centers.push({ id: centers.length + 1, name: `${place}여성새로일하기센터`, regionCode: region.code, address });
    }
  }
  return centers;
}

/** Classes run about 25 hours a week, so a 400-hour course lasts 16 weeks. */
export function courseEndsOn(startsOn: number, hours: number): number {
  return startsOn + Math.ceil(hours / 25) * 7 - 3;
}

/**
 * Each center starts a course every 10–24 days from late 2020 (courses people could join when the program opened)
 * to the snapshot; cohorts of the same course are numbered (`… 3기`).
 */
export function buildSaeilCourses(rng: Random, centers: readonly SaeilCenter[]): SaeilCourse[] {
  const courses: SaeilCourse[] = [];
  for (const center of centers) {
    const cohorts = new Map<string, number>();
    for (let start = day(2020, 11, 2) + rng.int(0, 14); start <= SNAPSHOT - 7; start += rng.int(10, 24)) {
      const [field, titles] = rng.pick(SAEIL_COURSES);
      const title = rng.pick(titles);
      const cohort = (cohorts.get(title) ?? 0) + 1;
      cohorts.set(title, cohort);
      const hours = rng.pick(SAEIL_COURSE_HOURS);
      const startsOn = workday(start);
      courses.push({
        id: courses.length + 1,
        saeilCenterId: center.id,
        title: `${title} ${cohort}기`,
        field,
        hours,
        startsOn,
        endsOn: courseEndsOn(startsOn, hours),
      });
    }
  }
  return courses;
}
