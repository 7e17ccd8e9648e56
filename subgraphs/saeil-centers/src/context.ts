import type { DataSource } from "typeorm";
import { createCourseLoaders } from "./course/course.resolver";
import { createEnrollmentLoaders } from "./enrollment/enrollment.resolver";
import { createRegionReportLoader } from "./report/region-report";
import { createSaeilCenterLoaders } from "./saeil-center/saeil-center.resolver";

/** Fresh loaders for one request. */
export function createLoaders(db: DataSource) {
  return {
    ...createSaeilCenterLoaders(db),
    ...createCourseLoaders(db),
    ...createEnrollmentLoaders(db),
    regionReports: createRegionReportLoader(db),
  };
}

export interface SaeilCentersContext {
  db: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}
