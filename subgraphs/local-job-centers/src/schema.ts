import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { localJobCenterReference } from "./local-job-center/local-job-center.reference";
import { LocalJobCenterResolver } from "./local-job-center/local-job-center.resolver";
import { LocalServiceUseResolver, ParticipantLocalServicesResolver } from "./local-service-use/local-service-use.resolver";
import { OutreachResolver, ParticipantOutreachResolver } from "./outreach/outreach.resolver";
import { RegionReport } from "./region-report/region-report.entity";
import { regionReportReference } from "./region-report/region-report.reference";
import { RegionLocalJobCentersResolver } from "./region/region.resolver";
import { Participant } from "./participant/participant.entity";
import { Region } from "./region/region.entity";
// Loaded last on purpose: type-graphql lists fields in the order their modules load, and this one comes last in the SDL.
import { LocalJobCenterAnnualStatsResolver } from "./local-center-annual-stats/local-center-annual-stats.resolver";
import { accessLogReference } from "./access-log/access-log.reference";
import { AccessLogResolver } from "./access-log/access-log.resolver";
import { AccessLog } from "./access-log/access-log.entity";
import { LocalWorkResolver } from "./local-work/local-work.mutations";
// what the writes record, read back (after the rest, so the SDL's existing order is kept)
import { LocalJobCenterLinkAgreementsResolver } from "./link-agreement/link-agreement.resolver";
import { LocalJobCenterUnlinkedOutreachResolver } from "./outreach/unlinked-outreach.resolver";

/** The local-job-centers subgraph schema; needs no database, so `compose:schema` can print it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      LocalJobCenterResolver,
      LocalJobCenterAnnualStatsResolver,
      RegionLocalJobCentersResolver,
      OutreachResolver,
      ParticipantOutreachResolver,
      LocalServiceUseResolver,
      ParticipantLocalServicesResolver,
      AccessLogResolver,
      LocalWorkResolver,
      LocalJobCenterLinkAgreementsResolver,
      LocalJobCenterUnlinkedOutreachResolver,
    ],
    orphanedTypes: [Participant, Region, RegionReport, AccessLog],
    referenceResolvers: {
      LocalJobCenter: localJobCenterReference,
      RegionReport: regionReportReference,
      AccessLog: accessLogReference,
    },
  });
}
