import { PROGRAM_START, PROGRAM_YEARS, day, workday } from "../calendar/days";
import type { Random } from "../random/random";
import { streetAddress, type NameBook } from "../people/name-book";
import { GYEONGNAM_LOCAL_CENTER, LOCAL_JOB_CENTERS } from "./local-job-center-catalog";
import type { LinkAgreement, LocalJobCenter, Region } from "./directory-types";

/** 경상남도 일자리종합센터 agreed to link 320 people in 2022, the largest agreement in the country. */
export const GYEONGNAM_QUOTA_2022 = 320;
const OTHER_QUOTA_CAP = 300;

/** The local job centers of every region, numbered from 1 in region order. */
export function buildLocalJobCenters(rng: Random, regions: readonly Region[], names: NameBook): LocalJobCenter[] {
  const centers: LocalJobCenter[] = [];
  for (const region of regions) {
    for (const [name, district] of LOCAL_JOB_CENTERS[region.code] ?? []) {
      centers.push({ id: centers.length + 1, name, regionCode: region.code, address: streetAddress(rng, names, region.name, district) });
    }
  }
  return centers;
}

/** The yearly quota of one center; province-wide centers (the first of each region) link more people. */
function quota(rng: Random, center: LocalJobCenter, year: number, provinceWide: boolean): number {
  if (center.name === GYEONGNAM_LOCAL_CENTER) return year === 2022 ? GYEONGNAM_QUOTA_2022 : rng.int(180, OTHER_QUOTA_CAP);
  const drawn = provinceWide ? rng.int(80, 240) : rng.int(15, 150);
  return Math.min(OTHER_QUOTA_CAP, Math.round(drawn * (year === 2021 ? 0.8 : 1)));
}

/** One link agreement per center per program year, signed early in the year. */
export function buildLinkAgreements(rng: Random, centers: readonly LocalJobCenter[]): LinkAgreement[] {
  const agreements: LinkAgreement[] = [];
  const seenRegions = new Set<string>();
  for (const center of centers) {
    const provinceWide = !seenRegions.has(center.regionCode);
    seenRegions.add(center.regionCode);
    for (const year of PROGRAM_YEARS) {
      const opens = year === 2021 ? PROGRAM_START : day(year, 1, 9);
      const signedOn = workday(opens + rng.int(0, 50));
      agreements.push({
        id: agreements.length + 1,
        localJobCenterId: center.id,
        year,
        quota: quota(rng, center, year, provinceWide),
        signedOn,
      });
    }
  }
  return agreements;
}
