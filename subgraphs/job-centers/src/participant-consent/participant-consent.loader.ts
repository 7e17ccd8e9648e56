import type { DataSource } from "typeorm";
import { In } from "typeorm";
import { listLoader } from "@lib/loaders/by-key";
import { ParticipantConsent } from "./participant-consent.entity";

export function createParticipantConsentLoaders(db: DataSource) {
  return {
    consentsByParticipant: listLoader<string, ParticipantConsent>(
      (ids) => db.getRepository(ParticipantConsent).find({ where: { participantId: In([...ids]) }, order: { givenAt: "ASC", id: "ASC" } }),
      (consent) => consent.participantId,
    ),
  };
}
