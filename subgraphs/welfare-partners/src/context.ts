import type { DataSource } from "typeorm";
import type { SubgraphContext } from "@lib/http/subgraph-context";
import { createParticipantAccessLoaders } from "@lib/loaders/participant-access";
import { createRegionReportLoaders } from "./region-report/region-report.loader";
import { createWelfarePartnerLoaders } from "./welfare-partner/welfare-partner.loader";
import { createWelfareReferralLoaders } from "./welfare-referral/welfare-referral.loader";
import { createParticipantNoticeLoaders } from "@lib/loaders/participant-notice";

/** Fresh loaders for one request: batching within it, no caching across requests (or across users). */
export function createLoaders(db: DataSource) {
  const access = createParticipantAccessLoaders(db);
  return {
    ...access,
    ...createWelfarePartnerLoaders(db),
    ...createWelfareReferralLoaders(db, access.participantAccess),
    ...createRegionReportLoaders(db),
    ...createParticipantNoticeLoaders(db),
  };
}

/** The context of one request: the database, this request's loaders, and the verified caller. */
export type WelfarePartnersContext = SubgraphContext<ReturnType<typeof createLoaders>>;
