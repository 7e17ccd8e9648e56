import { Random, STREAM, type SeedKey } from "../random/random";
import type { NameBook } from "../people/name-book";
import { regionPopulation } from "./region-facts";
import type { ReferenceData } from "./reference-data";
import { buildEmploymentCenters } from "./employment-centers";
import { buildCounselors } from "./counselors";
import { buildWorkExperienceCompanies } from "./work-experience-companies";
import { buildLinkAgreements, buildLocalJobCenters } from "./local-job-centers";
import { buildSaeilCenters, buildSaeilCourses } from "./saeil-centers";
import { buildWelfarePartners } from "./welfare-partners";
import { indexDirectory, type DirectoryIndex } from "./directory-index";
import type {
  Counselor,
  EmploymentCenter,
  LinkAgreement,
  LocalJobCenter,
  Region,
  SaeilCenter,
  SaeilCourse,
  WelfarePartner,
  WorkExperienceCompany,
} from "./directory-types";

/** Every office of the four agencies and what belongs to offices rather than to participants. */
export interface Directory {
  regions: Region[];
  employmentCenters: EmploymentCenter[];
  counselors: Counselor[];
  workExperienceCompanies: WorkExperienceCompany[];
  localJobCenters: LocalJobCenter[];
  linkAgreements: LinkAgreement[];
  saeilCenters: SaeilCenter[];
  saeilCourses: SaeilCourse[];
  welfarePartners: WelfarePartner[];
  index: DirectoryIndex;
}

/**
 * Builds the directory from the public listings. It does not depend on the number of participants, and each part
 * draws from its own random stream, so changing one part leaves the others as they were.
 */
export function buildDirectory(reference: ReferenceData, key: SeedKey, names: NameBook): Directory {
  const part = (n: number) => Random.derive(key, STREAM.directory, n);
  const regions: Region[] = reference.regions.map((r) => ({ ...r, population: regionPopulation(r.code) }));
  const employmentCenters = buildEmploymentCenters(reference.employmentCenters, regions);
  const counselors = buildCounselors(part(1), employmentCenters, names);
  const workExperienceCompanies = buildWorkExperienceCompanies(part(2), employmentCenters);
  const localJobCenters = buildLocalJobCenters(part(3), regions, names);
  const linkAgreements = buildLinkAgreements(part(4), localJobCenters);
  const saeilCenters = buildSaeilCenters(part(5), regions, names);
  const saeilCourses = buildSaeilCourses(part(6), saeilCenters);
  const welfarePartners = buildWelfarePartners(part(7), regions, names);
  const directory = {
    regions,
    employmentCenters,
    counselors,
    workExperienceCompanies,
    localJobCenters,
    linkAgreements,
    saeilCenters,
    saeilCourses,
    welfarePartners,
  };
  return { ...directory, index: indexDirectory(directory) };
}
