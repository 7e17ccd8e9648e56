import type { DeliveredEvent, EventEffects } from "@lib/events/delivered-event";

type OutreachLinked = Extract<DeliveredEvent, { type: "OutreachLinked" }>;

/** The employment centers learn from the local job centers where a person they serve was found (발굴). */
export const eventEffects: EventEffects = {
  async OutreachLinked(tx, event) {
    const { participantId, payload } = event as OutreachLinked;
    await tx.query(
      `INSERT INTO participant_source (participant_id, local_job_center_id, outreach_id, discovered_on)
       SELECT $1, $2, $3, $4 WHERE EXISTS (SELECT 1 FROM participant WHERE id = $1)
       ON CONFLICT (participant_id) DO UPDATE SET local_job_center_id = EXCLUDED.local_job_center_id,
         outreach_id = EXCLUDED.outreach_id, discovered_on = EXCLUDED.discovered_on`,
      [participantId, payload.localJobCenterId, payload.outreachId, payload.discoveredOn],
    );
  },
};
