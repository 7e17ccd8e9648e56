import { registerEnumType } from "type-graphql";

export enum OutreachChannel {
  DOOR_TO_DOOR = "DOOR_TO_DOOR",
  COMMUNITY_CENTER = "COMMUNITY_CENTER",
  WELFARE_OFFICE = "WELFARE_OFFICE",
  PARTNER_REFERRAL = "PARTNER_REFERRAL",
  ONLINE = "ONLINE",
  JOB_FAIR = "JOB_FAIR",
  WALK_IN = "WALK_IN",
}
registerEnumType(OutreachChannel, { name: "OutreachChannel", description: "How a local center found the person (발굴 경로)." });
