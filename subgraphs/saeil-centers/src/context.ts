import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { createParticipantAccessLoaders } from "@lib/loaders/participant-access";
import { createCourseLoaders } from "./course/course.loader";
import { createRegionReportLoaders } from "./region-report/region-report.loader";
import { createSaeilCenterLoaders } from "./saeil-center/saeil-center.loader";
import { createSaeilEnrollmentLoaders } from "./saeil-enrollment/saeil-enrollment.loader";
import { createSaeilInternshipLoaders } from "./saeil-internship/saeil-internship.loader";
import { createParticipantNoticeLoaders } from "@lib/loaders/participant-notice";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  const access = createParticipantAccessLoaders(db);
  return {
    ...access,
    ...createSaeilCenterLoaders(db),
    ...createCourseLoaders(db),
    ...createSaeilEnrollmentLoaders(db, access.participantAccess),
    ...createRegionReportLoaders(db),
    ...createSaeilInternshipLoaders(db, access.participantAccess),
    ...createParticipantNoticeLoaders(db),
  };
}

/** The context of one request: the database, this request's loaders, and the verified caller. */
export type SaeilCentersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
