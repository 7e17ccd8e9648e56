import type { SelectQueryBuilder } from "typeorm";
import { isRelated } from "@lib/auth/participant-access";
import type { Viewer } from "@lib/auth/viewer";
import { parseIntId } from "@lib/graphql/ids";
import type { AccessContext } from "@lib/graphql/records-guard";
import type { Participant } from "./participant.entity";

/**
 * Staff see a participant only through a relationship of their office: the employment center of record (its own
 * column here), or a local job center, Saeil center or welfare partner linked to the person (this agency's copy of
 * the links). Everyone else sees no one: an invisible participant is indistinguishable from one that does not exist.
 */
export function limitToVisible(qb: SelectQueryBuilder<Participant>, viewer: Viewer): void {
  if (viewer.kind !== "user" || viewer.org === null) {
    qb.andWhere("false");
  } else if (viewer.org.kind === "EMPLOYMENT_CENTER") {
    qb.andWhere("p.employment_center_id = :viewerCenter", { viewerCenter: viewer.org.id });
  } else {
    qb.andWhere(
      "EXISTS (SELECT 1 FROM participant_link l WHERE l.participant_id = p.id AND l.office_kind = :viewerKind AND l.office_id = :viewerOffice)",
      { viewerKind: viewer.org.kind, viewerOffice: viewer.org.id },
    );
  }
}

/** The participant when the viewer may see them, else null (one batched lookup for the non-employment offices). */
export async function visibleParticipant(ctx: AccessContext, participant: Participant | null): Promise<Participant | null> {
  if (participant === null) return null;
  const { viewer } = ctx;
  if (viewer.kind !== "user" || viewer.org === null) return null;
  if (viewer.org.kind === "EMPLOYMENT_CENTER") return participant.employmentCenterId === viewer.org.id ? participant : null;
  return isRelated(viewer, await ctx.loaders.participantAccess.load(participant.id)) ? participant : null;
}

/**
 * The name as this viewer may read it: in full for the counsellor in charge, the center's manager and the other
 * offices serving the person; masked (`홍*동`) for the rest of the center's counsellors (docs/domain.md#privacy).
 */
export function seesFullName(viewer: Viewer, participant: Participant): boolean {
  if (viewer.kind !== "user") return false;
  if (viewer.role !== "COUNSELOR") return true;
  const counselorId = parseIntId(viewer.sub);
  return counselorId !== null && participant.counselorId === counselorId;
}
