import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { regionReportReference } from "@lib/graphql/region-report-key";
import type { SaeilCentersContext } from "./context";
import { CourseResolver } from "./course/course.resolver";
import { ParticipantSaeilEnrollmentsResolver, SaeilEnrollmentResolver } from "./enrollment/enrollment.resolver";
import { Participant } from "./participant/participant";
import { Region, RegionSaeilCentersResolver } from "./region/region";
import { RegionReport } from "./report/region-report";
import { saeilCenterReference, SaeilCenterResolver } from "./saeil-center/saeil-center.resolver";

/** The saeil-centers subgraph schema; needs no database. */
export function buildSaeilCentersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [SaeilCenterResolver, RegionSaeilCentersResolver, CourseResolver, SaeilEnrollmentResolver, ParticipantSaeilEnrollmentsResolver],
    orphanedTypes: [Participant, Region, RegionReport],
    referenceResolvers: {
      SaeilCenter: saeilCenterReference,
      RegionReport: regionReportReference((ctx: SaeilCentersContext) => ctx.loaders.regionReports),
    },
  });
}
