import type { DataSource } from "typeorm";
import { createCourseLoaders } from "./course/course.loader";
import { createRegionReportLoaders } from "./region-report/region-report.loader";
import { createSaeilCenterLoaders } from "./saeil-center/saeil-center.loader";
import { createSaeilEnrollmentLoaders } from "./saeil-enrollment/saeil-enrollment.loader";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  return {
    ...createSaeilCenterLoaders(db),
    ...createCourseLoaders(db),
    ...createSaeilEnrollmentLoaders(db),
    ...createRegionReportLoaders(db),
  };
}

export interface SaeilCentersContext {
  db: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}
