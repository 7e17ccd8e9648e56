import type { DataSource } from "typeorm";
import { createActionPlanLoaders } from "./action-plan/action-plan.resolver";
import { createAllowancePaymentLoaders } from "./allowance-payment/allowance-payment.resolver";
import { createCounselingSessionsLoader } from "./counseling-session/counseling-session.loader";
import { createCounselorLoaders } from "./counselor/counselor.loader";
import { createCenterAnnualStatsLoader } from "./employment-center/center-annual-stats";
import { createEmploymentCenterLoaders } from "./employment-center/employment-center.loader";
import { createEmploymentLoaders } from "./employment/employment.resolver";
import { createParticipantLoaders } from "./participant/participant.loader";
import { createPlacementLoaders } from "./placement/placement.resolver";
import { createRegionLoaders } from "./region/region.loader";
import { createDataYearCheck } from "./report/data-years";
import { createRegionReportLoader } from "./report/region-report.loader";
import { createWorkExperienceLoaders } from "./work-experience/work-experience.resolver";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  const sessionLoaders = new Map<string, ReturnType<typeof createCounselingSessionsLoader>>();
  return {
    ...createRegionLoaders(db),
    ...createEmploymentCenterLoaders(db),
    ...createCounselorLoaders(db),
    ...createParticipantLoaders(db),
    ...createActionPlanLoaders(db),
    ...createAllowancePaymentLoaders(db),
    ...createPlacementLoaders(db),
    ...createWorkExperienceLoaders(db),
    ...createEmploymentLoaders(db),
    centerAnnualStats: createCenterAnnualStatsLoader(db),
    regionReports: createRegionReportLoader(db),
    isDataYear: createDataYearCheck(db),
    /** One loader per page shape, so that every participant asking for the same page is batched together. */
    counselingSessions(first?: number | null, after?: string | null) {
      const shape = JSON.stringify([first ?? null, after ?? null]);
      let loader = sessionLoaders.get(shape);
      if (!loader) {
        loader = createCounselingSessionsLoader(db, first, after);
        sessionLoaders.set(shape, loader);
      }
      return loader;
    },
  };
}

export interface JobCentersContext {
  db: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}
