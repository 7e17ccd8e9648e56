import type DataLoader from "dataloader";
import type { ParticipantNotice } from "@lib/loaders/participant-notice";
import { guardRecords, type AccessContext } from "./records-guard";

interface NoticeContext extends AccessContext {
  loaders: AccessContext["loaders"] & { noticeByParticipant: DataLoader<string, ParticipantNotice | null> };
}

/**
 * One date of a participant's notice (employed, closed) on a record of this agency. The notice repeats what the
 * employment center recorded of the case, so it is read under that agency's rule: its own staff, or another office
 * the person's consent to share employment center records covers (PIPA §17–18); null with no error when there is
 * nothing to withhold. The notices and the rule's lookup are one batch each per request.
 */
export async function noticeDate(
  ctx: NoticeContext,
  participantId: string,
  date: "employedOn" | "closedOn",
  coordinate: string,
): Promise<string | null> {
  const [notice] = await Promise.all([
    ctx.loaders.noticeByParticipant.load(participantId),
    ctx.loaders.participantAccess.load(participantId),
  ]);
  const value = notice?.[date] ?? null;
  if (value === null) return null;
  await guardRecords(ctx, participantId, "EMPLOYMENT_CENTER", coordinate);
  return value;
}
