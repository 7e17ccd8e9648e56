import { SNAPSHOT, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import type { SaeilCourse } from "../directory/directory-types";
import type { Profile } from "./profile";
import type { SaeilEnrollment } from "./participant-types";
import type { Timeline } from "./timeline";

/** Share of women participants who take a 새일센터 course. */
export const SAEIL_SHARE = 0.12;
export const DROPOUT_SHARE = 0.12;

/** Index of the first course (in start order) starting on or after `day`. */
function firstStartingFrom(courses: readonly SaeilCourse[], day: Day): number {
  let lo = 0;
  let hi = courses.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (courses[mid].startsOn < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A course at a 새일센터 of the woman's region, starting between a month before she applied and the end of her
 * service: completed on its last day, dropped, or still running at the snapshot.
 */
export function drawSaeilEnrollment(
  rng: Random,
  p: Profile,
  t: Timeline,
  courses: readonly SaeilCourse[] | undefined,
  forced: boolean,
): SaeilEnrollment | null {
  if (p.gender !== "FEMALE" || !courses || !(forced || rng.chance(SAEIL_SHARE))) return null;
  const from = p.appliedOn - 30;
  const until = Math.min(SNAPSHOT, t.activeUntil ?? p.appliedOn + 60);
  const first = firstStartingFrom(courses, from);
  const end = firstStartingFrom(courses, until + 1);
  if (first >= end) return null;
  const course = courses[rng.int(first, end - 1)];
  const enrolledOn = course.startsOn - rng.int(0, 10);
  if (rng.chance(DROPOUT_SHARE)) return { courseId: course.id, status: "DROPPED", enrolledOn, completedOn: null };
  if (course.endsOn > SNAPSHOT) return { courseId: course.id, status: "ENROLLED", enrolledOn, completedOn: null };
  return { courseId: course.id, status: "COMPLETED", enrolledOn, completedOn: course.endsOn };
}
