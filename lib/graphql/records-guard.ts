import type DataLoader from "dataloader";
import { GraphQLError } from "graphql";
import { isRelated, recordsRefusal, type ParticipantAccess } from "@lib/auth/participant-access";
import type { OfficeKind } from "@lib/auth/roles";
import type { Viewer } from "@lib/auth/viewer";

/** What a subgraph needs at hand to apply the row rules: who asks, and the participants' links and consents. */
export interface AccessContext {
  viewer: Viewer;
  loaders: { participantAccess: DataLoader<string, ParticipantAccess> };
}

/**
 * The error of a field refused to this viewer, in the same form as the schema's rules (enforce-access.ts). It has no
 * stack: a refusal is an answer, not a fault, and nobody reads where it was thrown. With one it cost: graphql-js
 * copies the thrown error's `stack` into the located error, and under `--enable-source-maps` formatting each one maps
 * every frame through the source maps, 5–8% of an agency subgraph's CPU in a caseload page whose participants have
 * not all consented (dozens of refused fields per request).
 */
export function forbidden(coordinate: string, reason: string): GraphQLError {
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new GraphQLError(`Not allowed to read ${coordinate}: ${reason}.`, {
      extensions: { code: "FORBIDDEN", field: coordinate, reason },
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
}

/**
 * Throws FORBIDDEN unless the viewer may read this agency's (`recordsKind`) records of the participant: the row rule
 * every subgraph applies to the data it owns, after the schema's field rules. Batched: the participants of one
 * request are looked up in one statement. With `nothingToShow` (the participant has no such records) only the
 * relationship is required: an office serving the person learns there is nothing, without needing their consent;
 * anyone else is refused as if there were records, so that "none" tells them nothing either.
 */
export async function guardRecords(
  ctx: AccessContext,
  participantId: string,
  recordsKind: OfficeKind,
  coordinate: string,
  nothingToShow = false,
): Promise<void> {
  const access = await ctx.loaders.participantAccess.load(participantId);
  const refusal = recordsRefusal(ctx.viewer, access, recordsKind);
  // consent is about records; where there are none, the relationship alone decides
  const reason = nothingToShow && isRelated(ctx.viewer, access) ? null : refusal;
  if (reason !== null) throw forbidden(coordinate, reason);
}

/** The viewer's own office id when it is of `kind` (their own office's records only), else null. */
export function ownOffice(viewer: Viewer, kind: OfficeKind): number | null {
  return viewer.kind === "user" && viewer.org?.kind === kind ? viewer.org.id : null;
}
