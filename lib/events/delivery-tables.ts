interface SqlRunner {
  query(sql: string): Promise<unknown>;
}

/**
 * How far each target of this agency's relay has been sent (the broker, or in the embedded default each other
 * agency): a target that was down resumes after the last event it took, in order.
 */
export async function createDeliveryTable(q: SqlRunner): Promise<void> {
  await q.query(`CREATE TABLE outbox_delivery (target text PRIMARY KEY, last_id bigint NOT NULL DEFAULT 0)`);
}

/**
 * What an agency that keeps records about a person learns of the case's end from the employment center's events:
 * employed (Act §29) or closed. Its open records (referrals, enrollments) are flagged by this, not changed.
 */
export async function createParticipantNoticeTable(q: SqlRunner): Promise<void> {
  await q.query(`
    CREATE TABLE participant_notice (
      participant_id uuid PRIMARY KEY,
      employed_on    date,
      closed_on      date,
      close_reason   text)`);
}
