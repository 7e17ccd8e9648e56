import { ActionPlan } from "./action-plan/action-plan.entity";
import { AllowancePayment } from "./allowance-payment/allowance-payment.entity";
import { CounselingSession } from "./counseling-session/counseling-session.entity";
import { Counselor } from "./counselor/counselor.entity";
import { EmploymentCenter } from "./employment-center/employment-center.entity";
import { Employment } from "./employment/employment.entity";
import { Participant } from "./participant/participant.entity";
import { ParticipantConsent } from "./participant-consent/participant-consent.entity";
import { Placement } from "./placement/placement.entity";
import { Region } from "./region/region.entity";
import { WorkExperienceCompany } from "./work-experience-company/work-experience-company.entity";
import { WorkExperienceRecord } from "./work-experience/work-experience.entity";

/** Every TypeORM entity of the job-centers database. */
export const entities = [
  Region,
  EmploymentCenter,
  Counselor,
  Participant,
  ParticipantConsent,
  ActionPlan,
  CounselingSession,
  AllowancePayment,
  Placement,
  WorkExperienceCompany,
  WorkExperienceRecord,
  Employment,
];
