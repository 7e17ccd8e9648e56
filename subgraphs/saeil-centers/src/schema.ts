import type { GraphQLSchema } from "graphql";
import { Participant } from "./participant/participant.entity";
import { Region } from "./region/region.entity";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { CourseResolver, SaeilCenterCoursesResolver } from "./course/course.resolver";
import { RegionReport } from "./region-report/region-report.entity";
import { regionReportReference } from "./region-report/region-report.reference";
import { RegionSaeilCentersResolver } from "./region/region.resolver";
import { saeilCenterReference } from "./saeil-center/saeil-center.reference";
import { SaeilCenterResolver } from "./saeil-center/saeil-center.resolver";
import { ParticipantSaeilEnrollmentsResolver, SaeilEnrollmentResolver } from "./saeil-enrollment/saeil-enrollment.resolver";
import { accessLogReference } from "./access-log/access-log.reference";
import { AccessLogResolver } from "./access-log/access-log.resolver";
import { AccessLog } from "./access-log/access-log.entity";
import { SaeilWorkResolver } from "./saeil-work/saeil-work.mutations";
// what the writes record, read back (after the rest, so the SDL's existing order is kept)
import { ParticipantSaeilInternshipsResolver, SaeilInternshipResolver } from "./saeil-internship/saeil-internship.resolver";
import { SaeilEnrollmentNoticeResolver } from "./participant-notice/participant-notice.resolver";

/** The saeil-centers subgraph schema; needs no database, so `compose:schema` can print it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      SaeilCenterResolver,
      RegionSaeilCentersResolver,
      CourseResolver,
      SaeilEnrollmentResolver,
      ParticipantSaeilEnrollmentsResolver,
      AccessLogResolver,
      SaeilWorkResolver,
      SaeilCenterCoursesResolver,
      SaeilInternshipResolver,
      ParticipantSaeilInternshipsResolver,
      SaeilEnrollmentNoticeResolver,
    ],
    orphanedTypes: [Participant, Region, RegionReport, AccessLog],
    referenceResolvers: {
      SaeilCenter: saeilCenterReference,
      RegionReport: regionReportReference,
      AccessLog: accessLogReference,
    },
  });
}
