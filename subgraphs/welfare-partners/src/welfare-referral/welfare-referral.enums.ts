import { registerEnumType } from "type-graphql";

export enum ReferralStatus {
  REFERRED = "REFERRED",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  DECLINED = "DECLINED",
}
registerEnumType(ReferralStatus, { name: "ReferralStatus" });
