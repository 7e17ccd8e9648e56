import { PROGRAM_START, SNAPSHOT, yearOf, yearSpan, type Day } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import type { DirectoryIndex } from "../directory/directory-index";
import { personName, type NameBook } from "./name-book";
import type { Gender, Track } from "./participant-types";
import type { StoryPlan } from "./story-plans";

export const TRACKS: readonly Track[] = [
  "TYPE_I_REQUIREMENT",
  "TYPE_I_SELECTION",
  "TYPE_II_SPECIFIC",
  "TYPE_II_YOUTH",
  "TYPE_II_MIDDLE_AGED",
];
const TRACK_WEIGHTS = cumulate([0.4, 0.3, 0.08, 0.12, 0.1]);
/** Youth shares within Type Ⅰ tracks; together 61.9% of Type Ⅰ, as in 2021 (selection holds the youth route). */
const YOUTH_SHARE: Partial<Record<Track, number>> = { TYPE_I_REQUIREMENT: 0.5, TYPE_I_SELECTION: 0.78 };
export const FEMALE_SHARE = 0.55;
/** More people applied in 2021, when the program opened, than later. */
const YEAR_WEIGHTS = cumulate([0.4, 0.31, 0.29]);

/** Who the participant is, before anything happens to them. */
export interface Profile {
  id: string;
  name: string;
  gender: Gender;
  track: Track;
  /** Age at application, in years (application year minus birth year). */
  age: number;
  birthYear: number;
  appliedOn: Day;
  employmentCenterId: number;
  regionCode: string;
  counselorId: number;
}

/** Youth (청년) are 15–34; most applicants are in their twenties. */
function youthAge(rng: Random, minimum: number): number {
  if (minimum <= 15 && rng.chance(0.02)) return rng.int(15, 18);
  return 19 + Math.floor(((rng.float() + rng.float()) / 2) * 16);
}

/** An age that satisfies the track's rules (docs/domain.md#tracks): Type Ⅰ 15–64 (vulnerable groups to 69), Type Ⅱ by group. */
export function drawAge(rng: Random, track: Track): number {
  const youth = YOUTH_SHARE[track];
  if (youth !== undefined) {
    if (rng.chance(youth)) return youthAge(rng, 15);
    return rng.chance(0.03) ? rng.int(65, 69) : rng.int(35, 64);
  }
  if (track === "TYPE_II_YOUTH") return youthAge(rng, 18);
  if (track === "TYPE_II_MIDDLE_AGED") return rng.int(35, 69);
  return rng.int(18, 69);
}

function drawAppliedOn(rng: Random): Day {
  const year = 2021 + rng.weighted(YEAR_WEIGHTS);
  const [first, last] = yearSpan(year);
  return rng.int(Math.max(first, PROGRAM_START), Math.min(last, SNAPSHOT));
}

/** Draws the person: identity, track and age, application day, office and counsellor. */
export function drawProfile(rng: Random, plan: StoryPlan, index: DirectoryIndex, names: NameBook): Profile {
  const id = rng.uuid();
  const gender: Gender = plan.gender ?? (rng.chance(FEMALE_SHARE) ? "FEMALE" : "MALE");
  const track = TRACKS[rng.weighted(TRACK_WEIGHTS)];
  const age = drawAge(rng, track);
  const appliedOn = plan.appliedOn ?? drawAppliedOn(rng);
  const center =
    plan.employmentCenterId !== undefined ? index.centers[plan.employmentCenterId - 1] : index.centers[rng.weighted(index.centerWeights)];
  const counselors = index.counselorIdsByCenter.get(center.id);
  if (!counselors?.length) throw new Error(`${center.name} has no counsellors`);
  return {
    id,
    name: personName(rng, names, gender),
    gender,
    track,
    age,
    birthYear: yearOf(appliedOn) - age,
    appliedOn,
    employmentCenterId: center.id,
    regionCode: center.regionCode,
    counselorId: rng.pick(counselors),
  };
}
