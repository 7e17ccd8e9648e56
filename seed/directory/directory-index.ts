import { cumulate } from "../random/random";
import { GWANGMYEONG_LOCAL_CENTER } from "./local-job-center-catalog";
import type {
  Counselor,
  EmploymentCenter,
  LocalJobCenter,
  SaeilCourse,
  WelfareKind,
  WelfarePartner,
  WorkExperienceCompany,
} from "./directory-types";

/** The offices the press-release stories happen at. */
export const INCHEON_CENTER = "인천고용센터";
export const GWANGMYEONG_CENTER = "광명고용센터";

/** Lookups the participant generator needs for every person, built once. */
export interface DirectoryIndex {
  centers: readonly EmploymentCenter[];
  /** Running totals of the centers' applicant weights, for `Random.weighted`. */
  centerWeights: readonly number[];
  counselorIdsByCenter: ReadonlyMap<number, readonly number[]>;
  /** Host companies by office, in sign-up order. */
  companiesByCenter: ReadonlyMap<number, readonly WorkExperienceCompany[]>;
  localCentersByRegion: ReadonlyMap<string, readonly LocalJobCenter[]>;
  /** Saeil courses by region, in start order. */
  coursesByRegion: ReadonlyMap<string, readonly SaeilCourse[]>;
  partnersByRegion: ReadonlyMap<string, ReadonlyMap<WelfareKind, readonly WelfarePartner[]>>;
  incheonCenter: EmploymentCenter;
  gwangmyeongCenter: EmploymentCenter;
  gwangmyeongLocalCenter: LocalJobCenter;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function named<T extends { name: string }>(items: readonly T[], name: string): T {
  const item = items.find((i) => i.name === name);
  if (!item) throw new Error(`the directory has no office named ${name}`);
  return item;
}

/** Indexes the directory's lists. */
export function indexDirectory(d: {
  employmentCenters: EmploymentCenter[];
  counselors: Counselor[];
  workExperienceCompanies: WorkExperienceCompany[];
  localJobCenters: LocalJobCenter[];
  saeilCenters: { id: number; regionCode: string }[];
  saeilCourses: SaeilCourse[];
  welfarePartners: WelfarePartner[];
}): DirectoryIndex {
  const saeilRegion = new Map(d.saeilCenters.map((c) => [c.id, c.regionCode]));
  const courses = [...d.saeilCourses].sort((a, b) => a.startsOn - b.startsOn || a.id - b.id);
  const partnersByRegion = new Map<string, Map<WelfareKind, WelfarePartner[]>>();
  for (const [region, partners] of groupBy(d.welfarePartners, (p) => p.regionCode)) {
    partnersByRegion.set(
      region,
      groupBy(partners, (p) => p.kind),
    );
  }
  const counselorIds = new Map<number, number[]>();
  for (const [center, counselors] of groupBy(d.counselors, (c) => c.employmentCenterId)) {
    counselorIds.set(
      center,
      counselors.map((c) => c.id),
    );
  }
  return {
    centers: d.employmentCenters,
    centerWeights: cumulate(d.employmentCenters.map((c) => c.applicantWeight)),
    counselorIdsByCenter: counselorIds,
    companiesByCenter: groupBy(d.workExperienceCompanies, (c) => c.employmentCenterId),
    localCentersByRegion: groupBy(d.localJobCenters, (c) => c.regionCode),
    coursesByRegion: groupBy(courses, (c) => saeilRegion.get(c.saeilCenterId) ?? ""),
    partnersByRegion,
    incheonCenter: named(d.employmentCenters, INCHEON_CENTER),
    gwangmyeongCenter: named(d.employmentCenters, GWANGMYEONG_CENTER),
    gwangmyeongLocalCenter: named(d.localJobCenters, GWANGMYEONG_LOCAL_CENTER),
  };
}
