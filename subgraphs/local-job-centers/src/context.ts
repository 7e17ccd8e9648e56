import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { createParticipantAccessLoaders } from "@lib/loaders/participant-access";
import { createDataYearLoaders } from "./data-year/data-year.loader";
import { createLocalCenterAnnualStatsLoaders } from "./local-center-annual-stats/local-center-annual-stats.loader";
import { createLocalJobCenterLoaders } from "./local-job-center/local-job-center.loader";
import { createLocalServiceUseLoaders } from "./local-service-use/local-service-use.loader";
import { createOutreachLoaders } from "./outreach/outreach.loader";
import { createRegionReportLoaders } from "./region-report/region-report.loader";
import { createLinkAgreementLoaders } from "./link-agreement/link-agreement.loader";
import { createUnlinkedOutreachLoaders } from "./outreach/unlinked-outreach.loader";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  const access = createParticipantAccessLoaders(db);
  return {
    ...access,
    ...createLocalJobCenterLoaders(db),
    ...createOutreachLoaders(db, access.participantAccess),
    ...createLocalServiceUseLoaders(db, access.participantAccess),
    ...createLocalCenterAnnualStatsLoaders(db),
    ...createDataYearLoaders(db),
    ...createRegionReportLoaders(db),
    ...createLinkAgreementLoaders(db),
    ...createUnlinkedOutreachLoaders(db),
  };
}

/** The context of one request: the database, this request's loaders, and the verified caller. */
export type LocalJobCentersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
