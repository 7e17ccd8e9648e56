/**
 * The press release's figures are built into the data by "story" participants with fixed counts, so that they
 * hold exactly for any number of participants from 3,000 up, not by luck.
 */
export type StoryRole = "INCHEON_PLACEMENT_2021" | "INCHEON_PLACEMENT_2022" | "GWANGMYEONG_OUTREACH_2022" | "ALL_AGENCIES";

/** 인천고용센터's placement-driven jobs (알선취업): 181 in 2021, 500 in 2022. */
export const INCHEON_PLACEMENTS: Readonly<Record<2021 | 2022, number>> = { 2021: 181, 2022: 500 };
/** 광명시 일자리센터 found 148 people in blind spots in 2022 and linked them into the program. */
export const GWANGMYEONG_OUTREACH_2022 = 148;
/** At least 1.5% of participants have records at all four agencies; a little more is built in. */
export const ALL_AGENCIES_SHARE = 0.016;
/** Below this many participants the fixed counts are scaled down and the exact figures no longer hold. */
export const FULL_STORY_PARTICIPANTS = 3000;

/**
 * Which participant plays which story. Story participants are spread evenly over the indexes (every `stride`-th),
 * in the order of the roles; everyone else is generic.
 */
export class StoryCast {
  readonly counts: ReadonlyArray<readonly [StoryRole, number]>;
  private readonly stride: number;
  private readonly total: number;

  constructor(participants: number) {
    const scale = Math.min(1, participants / FULL_STORY_PARTICIPANTS);
    this.counts = [
      ["INCHEON_PLACEMENT_2021", Math.floor(INCHEON_PLACEMENTS[2021] * scale)],
      ["INCHEON_PLACEMENT_2022", Math.floor(INCHEON_PLACEMENTS[2022] * scale)],
      ["GWANGMYEONG_OUTREACH_2022", Math.floor(GWANGMYEONG_OUTREACH_2022 * scale)],
      ["ALL_AGENCIES", Math.ceil(participants * ALL_AGENCIES_SHARE)],
    ];
    this.total = this.counts.reduce((sum, [, n]) => sum + n, 0);
    this.stride = this.total === 0 ? 1 : Math.max(1, Math.floor(participants / this.total));
  }

  /** The story participant `index` plays, or null for a generic participant. */
  roleOf(index: number): StoryRole | null {
    if (index % this.stride !== 0) return null;
    let slot = index / this.stride;
    if (slot >= this.total) return null;
    for (const [role, count] of this.counts) {
      if (slot < count) return role;
      slot -= count;
    }
    return null;
  }
}
