import { WelfareReferral } from "./welfare-referral/welfare-referral.entity";
import { WelfarePartner } from "./welfare-partner/welfare-partner.entity";

/** Every TypeORM entity of the welfare-partners database. */
export const entities = [WelfarePartner, WelfareReferral];
