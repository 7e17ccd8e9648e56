import type { DataSource } from "typeorm";
import { createLocalAnnualStatsLoader, createLocalDataYearCheck } from "./local-job-center/local-annual-stats";
import { createLocalJobCenterLoaders } from "./local-job-center/local-job-center.loader";
import { createLocalServiceLoaders } from "./local-service/local-service-use.resolver";
import { createOutreachLoaders } from "./outreach/outreach.resolver";
import { createRegionReportLoader } from "./report/region-report";

/** Fresh loaders for one request. */
export function createLoaders(db: DataSource) {
  return {
    ...createLocalJobCenterLoaders(db),
    ...createOutreachLoaders(db),
    ...createLocalServiceLoaders(db),
    localAnnualStats: createLocalAnnualStatsLoader(db),
    isDataYear: createLocalDataYearCheck(db),
    regionReports: createRegionReportLoader(db),
  };
}

export interface LocalJobCentersContext {
  db: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}
