import type { OfficeKind } from "./roles";
import type { Viewer } from "./viewer";

/** What every agency knows about who may see a participant (lib/db/participant-access-tables.ts). */
export interface ParticipantAccess {
  /** Offices with a relationship to the participant. */
  links: ReadonlyArray<{ kind: OfficeKind; id: number }>;
  /** Consents in force now (given, not withdrawn): `viewerKind` staff may see `recordsKind` records. */
  consents: ReadonlyArray<{ viewerKind: OfficeKind; recordsKind: OfficeKind }>;
}

export const NO_ACCESS: ParticipantAccess = { links: [], consents: [] };

const AGENCY_LABEL: Record<OfficeKind, string> = {
  EMPLOYMENT_CENTER: "employment center",
  LOCAL_JOB_CENTER: "local job center",
  SAEIL_CENTER: "Saeil center",
  WELFARE_PARTNER: "welfare partner",
};

/** The viewer's office has a relationship with the participant (the only way staff see a person at all). */
export function isRelated(viewer: Viewer, access: ParticipantAccess): boolean {
  if (viewer.kind !== "user" || viewer.org === null) return false;
  const { kind, id } = viewer.org;
  return access.links.some((link) => link.kind === kind && link.id === id);
}

export function consentCovers(access: ParticipantAccess, viewerKind: OfficeKind, recordsKind: OfficeKind): boolean {
  return access.consents.some((c) => c.viewerKind === viewerKind && c.recordsKind === recordsKind);
}

/**
 * Why the viewer may not read `recordsKind` agency records about this participant, or null when they may: their
 * office must have a relationship with the person, and records of another kind of agency need the person's consent
 * covering the viewer's kind (PIPA §17, §18; §23 for welfare). Which of its own kind's records a viewer sees (only
 * their own office's) is the owning subgraph's filter, applied after this.
 */
export function recordsRefusal(viewer: Viewer, access: ParticipantAccess, recordsKind: OfficeKind): string | null {
  if (viewer.kind !== "user" || viewer.org === null) return "only the staff of an office serving this participant may read their records";
  if (!isRelated(viewer, access)) return "your office has no relationship with this participant";
  const viewerKind = viewer.org.kind;
  if (viewerKind === recordsKind || consentCovers(access, viewerKind, recordsKind)) return null;
  return `the participant has not consented to share ${AGENCY_LABEL[recordsKind]} records with ${AGENCY_LABEL[viewerKind]} staff`;
}
