import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { createParticipantAccessLoaders } from "@lib/loaders/participant-access";
import { createActionPlanLoaders } from "./action-plan/action-plan.loader";
import { createAllowancePaymentLoaders } from "./allowance-payment/allowance-payment.loader";
import { createCenterAnnualStatsLoaders } from "./center-annual-stats/center-annual-stats.loader";
import { createCounselingSessionLoaders } from "./counseling-session/counseling-session.loader";
import { createCounselorLoaders } from "./counselor/counselor.loader";
import { createDataYearLoaders } from "./data-year/data-year.loader";
import { createEmploymentCenterLoaders } from "./employment-center/employment-center.loader";
import { createEmploymentLoaders } from "./employment/employment.loader";
import { createParticipantLoaders } from "./participant/participant.loader";
import { createParticipantConsentLoaders } from "./participant-consent/participant-consent.loader";
import { createPlacementLoaders } from "./placement/placement.loader";
import { createRegionReportLoaders } from "./region-report/region-report.loader";
import { createRegionLoaders } from "./region/region.loader";
import { createWorkExperienceLoaders } from "./work-experience/work-experience.loader";
import { createJobSearchActivityLoaders } from "./job-search-activity/job-search-activity.loader";
import { createShortHoursJobLoaders } from "./short-hours-job/short-hours-job.loader";
import { createParticipantSourceLoaders } from "./participant-source/participant-source.loader";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  return {
    ...createParticipantAccessLoaders(db),
    ...createRegionLoaders(db),
    ...createEmploymentCenterLoaders(db),
    ...createCounselorLoaders(db),
    ...createParticipantLoaders(db),
    ...createParticipantConsentLoaders(db),
    ...createActionPlanLoaders(db),
    ...createCounselingSessionLoaders(db),
    ...createAllowancePaymentLoaders(db),
    ...createPlacementLoaders(db),
    ...createWorkExperienceLoaders(db),
    ...createEmploymentLoaders(db),
    ...createCenterAnnualStatsLoaders(db),
    ...createRegionReportLoaders(db),
    ...createDataYearLoaders(db),
    ...createJobSearchActivityLoaders(db),
    ...createShortHoursJobLoaders(db),
    ...createParticipantSourceLoaders(db),
  };
}

/** The context of one request: the database, this request's loaders, and the verified caller. */
export type JobCentersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
