import { PROGRAM_START, day, workdayWithin, yearSpan, type Day } from "../calendar/days";
import type { Random } from "../random/random";
import type { DirectoryIndex } from "../directory/directory-index";
import type { Gender } from "./participant-types";
import type { StoryRole } from "./stories";

/** What a story fixes about a participant before the rest is drawn. */
export interface StoryPlan {
  role: StoryRole | null;
  gender?: Gender;
  employmentCenterId?: number;
  appliedOn?: Day;
  /** Eligible, with a plan, never deferred. */
  inService: boolean;
  employment?: { employedOn: Day; viaPlacement: boolean };
  /** The local job center that found the person, and when. */
  outreach?: { localJobCenterId: number; discoveredOn: Day };
  /** Records at all four agencies. */
  allAgencies: boolean;
}

/** The earliest job an Incheon story may have: an application, a decision and a plan must fit before it. */
const INCHEON_EARLIEST_JOB = day(2021, 4, 1);
const LAST_ALL_AGENCIES_APPLICATION = day(2023, 6, 30);
/** Days from application to job: long enough for decision (≤ 37), plan (≤ 30) and two weeks of search. */
const JOB_AFTER_APPLYING: readonly [number, number] = [85, 330];

function incheonPlacement(rng: Random, index: DirectoryIndex, year: 2021 | 2022): StoryPlan {
  const [first, last] = yearSpan(year);
  const from = Math.max(first, INCHEON_EARLIEST_JOB);
  const employedOn = workdayWithin(rng.int(from, last), from, last);
  const gap = rng.int(JOB_AFTER_APPLYING[0], Math.min(JOB_AFTER_APPLYING[1], employedOn - PROGRAM_START));
  return {
    role: year === 2021 ? "INCHEON_PLACEMENT_2021" : "INCHEON_PLACEMENT_2022",
    employmentCenterId: index.incheonCenter.id,
    appliedOn: employedOn - gap,
    inService: true,
    employment: { employedOn, viaPlacement: true },
    allAgencies: false,
  };
}

/** Found by 광명시 일자리센터 in 2022, applied 5–60 days later at 광명고용센터. */
function gwangmyeongOutreach(rng: Random, index: DirectoryIndex): StoryPlan {
  const [first, last] = yearSpan(2022);
  const discoveredOn = rng.int(first, last);
  return {
    role: "GWANGMYEONG_OUTREACH_2022",
    employmentCenterId: index.gwangmyeongCenter.id,
    appliedOn: discoveredOn + rng.int(5, 60),
    inService: true,
    outreach: { localJobCenterId: index.gwangmyeongLocalCenter.id, discoveredOn },
    allAgencies: false,
  };
}

/** Like the award cases: a woman served by her employment center, a local job center, a 새일센터 and a welfare partner. */
function allAgencies(rng: Random): StoryPlan {
  // early enough for half a year of service before the snapshot
  const appliedOn = rng.int(PROGRAM_START, LAST_ALL_AGENCIES_APPLICATION);
  return { role: "ALL_AGENCIES", gender: "FEMALE", appliedOn, inService: true, allAgencies: true };
}

/** The plan of a participant playing `role` (or of a generic one). */
export function planStory(rng: Random, role: StoryRole | null, index: DirectoryIndex): StoryPlan {
  switch (role) {
    case "INCHEON_PLACEMENT_2021":
      return incheonPlacement(rng, index, 2021);
    case "INCHEON_PLACEMENT_2022":
      return incheonPlacement(rng, index, 2022);
    case "GWANGMYEONG_OUTREACH_2022":
      return gwangmyeongOutreach(rng, index);
    case "ALL_AGENCIES":
      return allAgencies(rng);
    default:
      return { role: null, inService: false, allAgencies: false };
  }
}
