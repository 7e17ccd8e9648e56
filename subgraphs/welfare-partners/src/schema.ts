import type { GraphQLSchema } from "graphql";
import { Participant } from "./participant/participant.entity";
import { Region } from "./region/region.entity";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { RegionReport } from "./region-report/region-report.entity";
import { regionReportReference } from "./region-report/region-report.reference";
import { RegionWelfarePartnersResolver } from "./region/region.resolver";
import { welfarePartnerReference } from "./welfare-partner/welfare-partner.reference";
import { WelfarePartnerResolver } from "./welfare-partner/welfare-partner.resolver";
import { ParticipantWelfareReferralsResolver, WelfareReferralResolver } from "./welfare-referral/welfare-referral.resolver";
import { accessLogReference } from "./access-log/access-log.reference";
import { AccessLogResolver } from "./access-log/access-log.resolver";
import { AccessLog } from "./access-log/access-log.entity";
import { ReferralMutationsResolver } from "./welfare-referral/referral.mutations";
import { WelfareReferralNoticeResolver } from "./participant-notice/participant-notice.resolver";

/** The welfare-partners subgraph schema; needs no database, so `compose:schema` can print it. */
export function buildSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      WelfarePartnerResolver,
      RegionWelfarePartnersResolver,
      WelfareReferralResolver,
      ParticipantWelfareReferralsResolver,
      AccessLogResolver,
      ReferralMutationsResolver,
      WelfareReferralNoticeResolver,
    ],
    orphanedTypes: [Participant, Region, RegionReport, AccessLog],
    referenceResolvers: {
      WelfarePartner: welfarePartnerReference,
      RegionReport: regionReportReference,
      AccessLog: accessLogReference,
    },
  });
}
