import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { regionReportReference } from "@lib/graphql/region-report-key";
import type { LocalJobCentersContext } from "./context";
import { localJobCenterReference, LocalJobCenterResolver } from "./local-job-center/local-job-center.resolver";
import { LocalServiceUseResolver, ParticipantLocalServicesResolver } from "./local-service/local-service-use.resolver";
import { OutreachResolver, ParticipantOutreachResolver } from "./outreach/outreach.resolver";
import { Participant } from "./participant/participant";
import { Region, RegionLocalJobCentersResolver } from "./region/region";
import { RegionReport } from "./report/region-report";

/** The local-job-centers subgraph schema; needs no database. */
export function buildLocalJobCentersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      LocalJobCenterResolver, RegionLocalJobCentersResolver, OutreachResolver, ParticipantOutreachResolver,
      LocalServiceUseResolver, ParticipantLocalServicesResolver,
    ],
    orphanedTypes: [Participant, Region, RegionReport],
    referenceResolvers: {
      LocalJobCenter: localJobCenterReference,
      RegionReport: regionReportReference((ctx: LocalJobCentersContext) => ctx.loaders.regionReports),
    },
  });
}
