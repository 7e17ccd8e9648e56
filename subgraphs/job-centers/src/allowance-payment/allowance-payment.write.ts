import { bumpFiguresVersionIf } from "@lib/db/figures-version";
import type { FinishWrite, WriteOutcome } from "@lib/mutation/run-mutation";
import { centerYearUpsert } from "../center-annual-stats/center-year-figures.write";
import { breakdownUpsert } from "../program-breakdown/breakdown-figures.write";
import type { LockedParticipant } from "../participant/participant.write";
import type { AllowancePayment } from "./allowance-payment.entity";

/** What the rules of Act §19–20 are checked against: the action plan's day and the payments before this one. */
export interface AllowanceHistory {
  establishedOn: string | null;
  paid: Array<{ month: string; paidOn: string }>;
}

/**
 * One payment in one statement (a month's batch is 10,000 of them, each a round trip per statement): the history read,
 * the payment inserted, the office's year and the breakdown's cell added to, the figures version moved once. Every
 * part sees the snapshot taken after the participant's row lock was granted, so the history holds the payment of
 * whoever held the lock before. The writes after the payment select from it: a month already paid (the UNIQUE key,
 * DO NOTHING) or nothing due (amount 0) writes nothing at all. Parameters: participant, month, amount, day of
 * payment, the participant's center and region.
 */
const PAY = `
  WITH history AS (
    SELECT (SELECT established_on::text FROM action_plan WHERE participant_id = $1::uuid) AS "establishedOn",
      coalesce((SELECT json_agg(json_build_object('month', month, 'paidOn', paid_on::text) ORDER BY month)
                FROM allowance_payment WHERE participant_id = $1::uuid), '[]') AS paid),
  payment AS (
    INSERT INTO allowance_payment (participant_id, month, amount_won, paid_on)
    SELECT $1::uuid, $2::text, $3::int, $4::date WHERE $3::int > 0
    ON CONFLICT (participant_id, month) DO NOTHING
    RETURNING id::text, participant_id AS "participantId", month, amount_won AS "amountWon", paid_on::text AS "paidOn"),
  center_year AS (${centerYearUpsert(["paid"], "$5::int, $6::text, extract(year FROM $4::date)", ["$3::int"], "FROM payment")}),
  breakdown AS (${breakdownUpsert(
    ["payments", "payees", "paid_won"],
    "$4::date",
    // persons paid in a month bound how few persons a published sum went to: the first payment of the month counts one
    [
      "1",
      `(NOT EXISTS (SELECT FROM allowance_payment a WHERE a.participant_id = $1::uuid
                    AND date_trunc('month', a.paid_on) = date_trunc('month', $4::date)))::int`,
      "$3::int",
    ],
    "FROM payment, participant p WHERE p.id = $1::uuid",
  )}),
  bumped AS (${bumpFiguresVersionIf("EXISTS (SELECT FROM payment)")})
  SELECT history.*, (SELECT to_json(payment) FROM payment) AS payment FROM history`;

/** What a retry is answered with: the payment of the participant and month (UNIQUE), or by id (keys stored before). */
export type PaidKey = { participantId: string; month: string } | { paymentId: string };

/**
 * Pays `amount` won for `month` to the locked participant, unless the month is paid already or nothing is due, in
 * the round trip that stores the key's result and appends the log's row (`finish`): the history before it, and the
 * payment as inserted (`null` when nothing was written). The caller checks the history and throws when a rule refuses
 * the payment, which undoes the transaction, this payment, its key and its log row included.
 */
export async function insertPayment(
  finish: FinishWrite,
  participant: LockedParticipant,
  payment: { month: string; amountWon: number; paidOn: string },
): Promise<{ outcome: WriteOutcome<PaidKey>; history: AllowanceHistory; inserted: AllowancePayment | null }> {
  const outcome = { result: { participantId: participant.id, month: payment.month }, participantIds: [participant.id] };
  const [row] = await finish<AllowanceHistory & { payment: AllowancePayment | null }>(outcome, {
    sql: PAY,
    parameters: [participant.id, payment.month, payment.amountWon, payment.paidOn, participant.employmentCenterId, participant.regionCode],
  });
  const { payment: inserted, ...history } = row;
  return { outcome, history, inserted };
}
