import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema } from "@lib/graphql/federation";
import { regionReportReference } from "@lib/graphql/region-report-key";
import type { WelfarePartnersContext } from "./context";
import { Participant } from "./participant/participant";
import { ParticipantWelfareReferralsResolver, WelfareReferralResolver } from "./referral/welfare-referral.resolver";
import { Region, RegionWelfarePartnersResolver } from "./region/region";
import { RegionReport } from "./report/region-report";
import { welfarePartnerReference, WelfarePartnerResolver } from "./welfare-partner/welfare-partner.resolver";

/** The welfare-partners subgraph schema; needs no database. */
export function buildWelfarePartnersSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [WelfarePartnerResolver, RegionWelfarePartnersResolver, WelfareReferralResolver, ParticipantWelfareReferralsResolver],
    orphanedTypes: [Participant, Region, RegionReport],
    referenceResolvers: {
      WelfarePartner: welfarePartnerReference,
      RegionReport: regionReportReference((ctx: WelfarePartnersContext) => ctx.loaders.regionReports),
    },
  });
}
