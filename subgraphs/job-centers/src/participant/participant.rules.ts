import { badUserInput } from "@lib/graphql/errors";
import { SupportTrack } from "./participant.enums";

/**
 * Ages each track admits, the age being the application year minus the birth year (docs/domain.md#tracks and
 * #age-bands): Type Ⅰ 15–69 (to 64, to 69 for groups the ministry names; Act §6, Decree §3), Type Ⅱ youth 18–34,
 * middle-aged 35–69, specific groups 18–69 (Act §7, Decree §4).
 */
export const TRACK_AGES: Readonly<Record<SupportTrack, readonly [number, number]>> = {
  [SupportTrack.TYPE_I_REQUIREMENT]: [15, 69],
  [SupportTrack.TYPE_I_SELECTION]: [15, 69],
  [SupportTrack.TYPE_II_SPECIFIC]: [18, 69],
  [SupportTrack.TYPE_II_YOUTH]: [18, 34],
  [SupportTrack.TYPE_II_MIDDLE_AGED]: [35, 69],
};

export function checkTrackAge(field: string, track: SupportTrack, birthYear: number, appliedOn: string): void {
  const age = Number(appliedOn.slice(0, 4)) - birthYear;
  const [min, max] = TRACK_AGES[track];
  if (age < min || age > max) {
    throw badUserInput(
      `${track} admits ages ${min}–${max}; born in ${birthYear}, the applicant is ${age} in ${appliedOn.slice(0, 4)}.`,
      field,
    );
  }
}

/** A person's name as the center records it: 1–40 characters once trimmed. */
export function checkName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > 40) throw badUserInput("name must be 1–40 characters.", "name");
  return trimmed;
}

/** The program started on 2021-01-01 (Act, in force from that day): no application, decision or session before. */
export const PROGRAM_START = "2021-01-01";

/** A free-text value a write records (an employer, an occupation, a reason): 1–`max` characters once trimmed. */
export function checkText(field: string, value: string, max = 100): string {
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > max) throw badUserInput(`${field} must be 1–${max} characters.`, field);
  return trimmed;
}
