import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "../../../lib/graphql/federation";
import type { RegionYearKey } from "../../../lib/loaders/region-year";
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
      RegionReport: {
        __resolveReference: (ref: RegionYearKey, ctx: SaeilCentersContext) =>
          ctx.loaders.regionReports.load({ year: Number(ref.year), regionCode: ref.regionCode }),
      },
    },
  });
}
