import type { Random } from "../random/random";
import { personName, type NameBook } from "../people/name-book";
import { CONTRACTED_AGENCIES } from "../people/vocabulary";
import type { Counselor, EmploymentCenter } from "./directory-types";

/** The press release: 27 experienced counsellors were appointed supervisors of contracted agencies' juniors. */
export const SUPERVISOR_COUNT = 27;
const INCHEON = "28";

/**
 * Counsellors of every center: 8–20 per office, more at main offices of populous regions; about a third work for
 * a contracted agency (민간위탁기관). Exactly 27 contracted-agency counsellors with 5+ years are supervisors.
 */
export function buildCounselors(rng: Random, centers: readonly EmploymentCenter[], names: NameBook): Counselor[] {
  const counselors: Counselor[] = [];
  for (const center of centers) {
    const big = center.applicantWeight > 0.5 ? rng.int(2, 4) : 0;
    const count = center.parentId === null ? Math.min(20, rng.int(11, 16) + big) : rng.int(8, 11);
    for (let i = 0; i < count; i += 1) {
      const contracted = rng.chance(0.33);
      const agency = !contracted
        ? null
        : center.regionCode === INCHEON && rng.chance(0.7)
          ? "잡모아인천"
          : rng.pick(CONTRACTED_AGENCIES.slice(1));
      counselors.push({
        id: counselors.length + 1,
        employmentCenterId: center.id,
        name: personName(rng, names, rng.chance(0.7) ? "FEMALE" : "MALE"),
        contractedAgency: agency,
        yearsOfExperience: contracted ? rng.int(0, 12) : rng.int(0, 25),
        isSupervisor: false,
      });
    }
  }
  appointSupervisors(rng, counselors);
  return counselors;
}

/** Picks the supervisors among contracted-agency counsellors and gives them their five years at least. */
function appointSupervisors(rng: Random, counselors: Counselor[]): void {
  const candidates = counselors.filter((c) => c.contractedAgency !== null);
  if (candidates.length < SUPERVISOR_COUNT) throw new Error("too few contracted-agency counsellors for the supervisors");
  for (let i = 0; i < SUPERVISOR_COUNT; i += 1) {
    const j = rng.int(i, candidates.length - 1);
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
    candidates[i].isSupervisor = true;
    candidates[i].yearsOfExperience = Math.max(candidates[i].yearsOfExperience, rng.int(5, 15));
  }
}
