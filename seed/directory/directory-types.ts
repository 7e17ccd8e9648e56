import type { Day } from "../calendar/days";

/** A 시도 with what the seeder needs to place people and offices in it. */
export interface Region {
  code: string;
  name: string;
  nameEn: string;
  kostatCode: string;
  /** Millions of residents; weighs how many applicants the region's offices receive. */
  population: number;
}

export interface EmploymentCenter {
  id: number;
  name: string;
  regionCode: string;
  address: string;
  phone: string | null;
  parentId: number | null;
  jurisdiction: readonly string[];
  /** Share of the country's applicants this office receives (unnormalised). */
  applicantWeight: number;
}

export interface Counselor {
  id: number;
  employmentCenterId: number;
  name: string;
  contractedAgency: string | null;
  yearsOfExperience: number;
  isSupervisor: boolean;
}

/** A host company of the work-experience program (일경험 참여기업). */
export interface WorkExperienceCompany {
  id: number;
  employmentCenterId: number;
  name: string;
  signedUpOn: Day;
}

export interface LocalJobCenter {
  id: number;
  name: string;
  regionCode: string;
  address: string;
}

/** A local job center's yearly agreement (연계 협약) to link `quota` people into the program. */
export interface LinkAgreement {
  id: number;
  localJobCenterId: number;
  year: number;
  quota: number;
  signedOn: Day;
}

export interface SaeilCenter {
  id: number;
  name: string;
  regionCode: string;
  address: string;
}

export interface SaeilCourse {
  id: number;
  saeilCenterId: number;
  title: string;
  field: string;
  hours: number;
  startsOn: Day;
  /** Last day of class; not stored, but enrollments complete on it. */
  endsOn: Day;
}

export type WelfareKind = "MENTAL_HEALTH" | "CREDIT_RECOVERY" | "LEGAL_AID" | "PSYCHOLOGICAL_COUNSELING";

export interface WelfarePartner {
  id: number;
  name: string;
  kind: WelfareKind;
  regionCode: string;
  address: string;
}
