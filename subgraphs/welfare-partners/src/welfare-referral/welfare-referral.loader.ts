import type DataLoader from "dataloader";
import type { DataSource } from "typeorm";
import type { ParticipantAccess } from "@lib/auth/participant-access";
import { recordsWithAccessLoader } from "@lib/loaders/records-with-access";
import { WelfareReferral } from "./welfare-referral.entity";

export function createWelfareReferralLoaders(db: DataSource, participantAccess: DataLoader<string, ParticipantAccess>) {
  return {
    // with the row rule's links and consents, in the same statement
    referralsByParticipant: recordsWithAccessLoader(db, WelfareReferral, participantAccess, "r.referred_on, r.id"),
  };
}
