import type { DataSource } from "typeorm";
import { createReferralLoaders } from "./referral/welfare-referral.resolver";
import { createRegionReportLoader } from "./report/region-report";
import { createWelfarePartnerLoaders } from "./welfare-partner/welfare-partner.resolver";

/** Fresh loaders for one request. */
export function createLoaders(db: DataSource) {
  return {
    ...createWelfarePartnerLoaders(db),
    ...createReferralLoaders(db),
    regionReports: createRegionReportLoader(db),
  };
}

export interface WelfarePartnersContext {
  db: DataSource;
  loaders: ReturnType<typeof createLoaders>;
}
