import { buildDirectory, type Directory } from "../directory/directory";
import { readReferenceData } from "../directory/reference-data";
import { makeNameBook } from "../people/name-book";
import { ParticipantGenerator } from "../people/participant-generator";
import type { ParticipantRecords } from "../people/participant-types";
import { seedKey } from "../random/random";

/**
 * What the seeder's unit tests share: the real directory with a tiny name book (the real one comes from faker, an
 * ES module jest cannot load, and no rule depends on names).
 */
export const names = makeNameBook({
  surnames: ["김", "이", "박", "최", "정", "남궁"],
  femaleGivenNames: ["서연", "지민", "하윤"],
  maleGivenNames: ["민준", "도윤", "시우"],
  streetNames: ["노들", "둔산", "광명"],
  streetSuffixes: ["로", "길", "대로"],
});
export const key = seedKey("njsp-2022");
export const directory: Directory = buildDirectory(readReferenceData(), key, names);
export const incheon = directory.index.incheonCenter.id;
export const gwangmyeongLocal = directory.index.gwangmyeongLocalCenter.id;

/** Every participant of a run of `participants`. */
export function generateAll(participants: number): ParticipantRecords[] {
  const generator = new ParticipantGenerator(key, directory, names, participants);
  return Array.from({ length: participants }, (_, i) => generator.generate(i));
}
