import { guardRecords, type AccessContext } from "@lib/graphql/records-guard";
import type { Participant } from "./participant.entity";

/**
 * The row rule for the employment center's case records (plan, sessions, payments, placements, work experience,
 * employment): the center of record reads them; another office only with the person's consent. The center's own
 * staff are known from the participant's row, so only the other offices cost a (batched) lookup.
 */
export async function guardCaseRecords(ctx: AccessContext, participant: Participant, field: string): Promise<void> {
  const { viewer } = ctx;
  if (viewer.kind === "user" && viewer.org?.kind === "EMPLOYMENT_CENTER" && viewer.org.id === participant.employmentCenterId) return;
  await guardRecords(ctx, participant.id, "EMPLOYMENT_CENTER", `Participant.${field}`);
}

/** No records: null, an empty list, or an empty page. */
export function isEmpty(records: unknown): boolean {
  if (records === null || records === undefined) return true;
  if (Array.isArray(records)) return records.length === 0;
  return typeof records === "object" && "edges" in records && Array.isArray(records.edges) && records.edges.length === 0;
}
