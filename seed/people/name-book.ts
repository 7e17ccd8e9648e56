import { cumulate, type Random } from "../random/random";
import type { Gender } from "./participant-types";

/**
 * Korean names and street names the seeder draws from. It is filled from faker's Korean locale
 * (`faker-name-book.ts`), but kept as plain lists so that the generators stay pure and testable without faker.
 */
export interface NameBook {
  surnames: readonly string[];
  /** Running totals of how common each surname is (김, 이, 박 … are far more common than the rest). */
  surnameWeights: readonly number[];
  femaleGivenNames: readonly string[];
  maleGivenNames: readonly string[];
  streetNames: readonly string[];
  streetSuffixes: readonly string[];
}

/** Shares (%) of the most common surnames in the 2015 census; the rest share what is left evenly. */
const COMMON_SURNAMES: Readonly<Record<string, number>> = {
  김: 21.5,
  이: 14.7,
  박: 8.4,
  최: 4.7,
  정: 4.3,
  강: 2.3,
  조: 2.1,
  윤: 2.1,
  장: 2.0,
  임: 1.7,
  한: 1.5,
  오: 1.5,
  서: 1.5,
  신: 1.5,
  권: 1.4,
  황: 1.4,
  안: 1.3,
  송: 1.3,
  류: 1.2,
  전: 1.1,
};

/** A name book from raw lists, weighing surnames by how common they are. */
export function makeNameBook(lists: Omit<NameBook, "surnameWeights">): NameBook {
  const rare = lists.surnames.filter((s) => !(s in COMMON_SURNAMES)).length || 1;
  const weights = lists.surnames.map((s) => COMMON_SURNAMES[s] ?? 22 / rare);
  return { ...lists, surnameWeights: cumulate(weights) };
}

/** A full Korean name (surname first, no space) for a person of `gender`. */
export function personName(rng: Random, book: NameBook, gender: Gender): string {
  const surname = book.surnames[rng.weighted(book.surnameWeights)];
  return surname + rng.pick(gender === "FEMALE" ? book.femaleGivenNames : book.maleGivenNames);
}

/** A street address inside `district` of region `regionName`, e.g. `경기도 광명시 노들로 112`. */
export function streetAddress(rng: Random, book: NameBook, regionName: string, district: string): string {
  const street = rng.pick(book.streetNames) + rng.pick(book.streetSuffixes);
  return `${regionName} ${district} ${street} ${rng.int(1, 420)}`;
}
