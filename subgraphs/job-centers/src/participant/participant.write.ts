import type { EntityManager } from "typeorm";
import { parseIntId, parseUuid } from "@lib/graphql/ids";
import { badUserInput } from "@lib/graphql/errors";
import { forbidden } from "@lib/graphql/records-guard";
import type { Viewer } from "@lib/auth/viewer";
import { conflict } from "@lib/mutation/mutation-errors";
import type { ParticipantStage, SupportTrack } from "./participant.enums";

/** The columns of a participant a write decides on, read under the row's lock. */
export interface LockedParticipant {
  id: string;
  stage: ParticipantStage;
  track: SupportTrack;
  birthYear: number;
  version: number;
  appliedOn: string;
  eligibilityDecidedOn: string | null;
  regionCode: string;
  employmentCenterId: number;
  counselorId: number | null;
}

const SQL = `
  SELECT id, stage, track, birth_year AS "birthYear", version, applied_on::text AS "appliedOn", eligibility_decided_on::text AS "eligibilityDecidedOn",
         region_code AS "regionCode", employment_center_id AS "employmentCenterId", counselor_id AS "counselorId"
  FROM participant WHERE id = $1 FOR UPDATE`;

/**
 * The participant a write is about, locked until the write commits (two writes to one case run one after the other),
 * once the viewer may write it: the counsellor in charge or their center's manager (a counsellor writes for their own
 * caseload). Someone the viewer's office does not serve is "no such participant": a write reveals no more than a read.
 * With `expectedVersion`, a case changed since the client read it is a CONFLICT.
 */
export async function lockParticipant(
  tx: EntityManager,
  viewer: Viewer,
  participantId: string,
  expectedVersion?: number,
): Promise<LockedParticipant> {
  const id = parseUuid(participantId);
  const [row] = id === null ? [] : await tx.query<LockedParticipant[]>(SQL, [id]);
  const center = viewer.kind === "user" && viewer.org?.kind === "EMPLOYMENT_CENTER" ? viewer.org.id : null;
  if (!row || row.employmentCenterId !== center) {
    throw badUserInput(`No participant with id "${participantId}" is served by your employment center.`, "participantId");
  }
  if (viewer.kind === "user" && viewer.role === "COUNSELOR" && row.counselorId !== parseIntId(viewer.sub)) {
    throw forbidden("Mutation", "only the counsellor in charge of the case or the center's manager may write it");
  }
  if (expectedVersion !== undefined && row.version !== expectedVersion) throw conflict("participant's case", expectedVersion, row.version);
  return row;
}

/** Moves the case to `stage` (and sets `more` columns), bumping its version; the row is already locked. */
export async function updateParticipant(
  tx: EntityManager,
  participant: LockedParticipant,
  changes: Record<string, string | number | null>,
): Promise<void> {
  const columns = Object.keys(changes);
  const sets = columns.map((column, i) => `${column} = $${i + 2}`).join(", ");
  await tx.query(`UPDATE participant SET ${sets}${columns.length ? ", " : ""}version = version + 1 WHERE id = $1`, [
    participant.id,
    ...columns.map((c) => changes[c]),
  ]);
}
