import type { EntityManager } from "typeorm";
import type { OfficeKind } from "@lib/auth/roles";
import type { Viewer } from "@lib/auth/viewer";
import { emit } from "@lib/events/outbox";
import { badUserInput } from "@lib/graphql/errors";
import { parseUuid } from "@lib/graphql/ids";
import { forbidden } from "@lib/graphql/records-guard";
import { participantExists, type OwnerClient } from "./ask-owner";

/** What an office's staff write the agencies other than the employment centers share: a local job center, a Saeil center. */

/** The viewer's own office of `kind`: only its staff write its records (FORBIDDEN otherwise). */
export function ownOfficeOf(viewer: Viewer, kind: OfficeKind, mutation: string, staff: string): number {
  if (viewer.kind !== "user" || viewer.org?.kind !== kind) {
    throw forbidden(`Mutation.${mutation}`, `only ${staff} own staff write its records`);
  }
  return viewer.org.id;
}

/** The participant, once job-centers (the owner) says it exists; BAD_USER_INPUT naming `participantId` otherwise. */
export async function knownParticipant(owner: OwnerClient, given: string): Promise<string> {
  const id = parseUuid(given);
  if (id === null || !(await participantExists(owner, id))) {
    throw badUserInput(`No participant with id "${given}" is known to the employment centers.`, "participantId");
  }
  return id;
}

/** The office now serves the person: the link (once), and the event that tells the other agencies. */
export async function linkParticipant(tx: EntityManager, participantId: string, officeKind: OfficeKind, officeId: number): Promise<void> {
  const inserted = await tx.query<unknown[]>(
    `INSERT INTO participant_link (participant_id, office_kind, office_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING 1`,
    [participantId, officeKind, officeId],
  );
  if (inserted.length > 0) await emit(tx, { type: "ParticipantLinked", participantId, payload: { officeKind, officeId } });
}
