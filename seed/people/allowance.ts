import { SNAPSHOT, dayInMonth, dayOfMonth, monthOf, monthText } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import { isTypeOne, type AllowancePayment, type Track } from "./participant-types";
import type { Timeline } from "./timeline";

/** 구직촉진수당 in 2021–2025: 50만원 a month for 6 months, +10만원 per dependant up to +40만원 (Act §19–20). */
export const ALLOWANCE = { baseWon: 500_000, perDependantWon: 100_000, maxDependants: 4, months: 6 } as const;
const DEPENDANT_WEIGHTS = cumulate([0.45, 0.2, 0.18, 0.12, 0.05]);
/** Claim days are kept within 1–28 so that every month has one. */
const LAST_CLAIM_DAY = 28;

/** The monthly amount for a household with `dependants` dependants. */
export function allowanceWon(dependants: number): number {
  return ALLOWANCE.baseWon + ALLOWANCE.perDependantWon * Math.min(dependants, ALLOWANCE.maxDependants);
}

/**
 * Type Ⅰ participants' allowance: one payment per month from the month the plan was set, for up to 6 months,
 * stopping at a job or a deferral; each month is paid on the participant's fixed claim day of the following month,
 * and payments due after the snapshot are not there yet.
 */
export function drawPayments(rng: Random, track: Track, t: Timeline): AllowancePayment[] {
  if (!isTypeOne(track) || t.planEstablishedOn === null) return [];
  const amountWon = allowanceWon(rng.weighted(DEPENDANT_WEIGHTS));
  const claimDay = Math.min(LAST_CLAIM_DAY, dayOfMonth(t.planEstablishedOn));
  const stopsOn = t.employedOn ?? t.deferredOn ?? Number.POSITIVE_INFINITY;
  const firstMonth = monthOf(t.planEstablishedOn);
  const payments: AllowancePayment[] = [];
  for (let month = firstMonth; month < firstMonth + ALLOWANCE.months; month += 1) {
    if (month > firstMonth && dayInMonth(month, 1) >= stopsOn) break;
    const paidOn = dayInMonth(month + 1, claimDay);
    if (paidOn > SNAPSHOT) break;
    payments.push({ month: monthText(month), amountWon, paidOn });
  }
  return payments;
}
