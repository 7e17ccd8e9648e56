import type { GraphQLSchema } from "graphql";
import { Participant } from "./participant/participant.entity";
import { Region } from "./region/region.entity";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { CourseResolver } from "./course/course.resolver";
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
    ],
    orphanedTypes: [Participant, Region, RegionReport, AccessLog],
    referenceResolvers: {
      SaeilCenter: saeilCenterReference,
      RegionReport: regionReportReference,
      AccessLog: accessLogReference,
    },
  });
}
