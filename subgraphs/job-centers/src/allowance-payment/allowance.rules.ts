import { SupportTrack } from "../participant/participant.enums";

/**
 * The job-seeking allowance's rules (구직촉진수당, Act §19–20; docs/domain.md#allowance): Type Ⅰ only, 6 monthly
 * payments once the IAP is set, 50만원 a month for months in 2021–2025 and 60만원 from 2026-01, plus 10만원 per
 * dependant for at most 4 dependants.
 */
export const ALLOWANCE_TRACKS: readonly SupportTrack[] = [SupportTrack.TYPE_I_REQUIREMENT, SupportTrack.TYPE_I_SELECTION];
export const MAX_PAYMENTS = 6;
export const PER_DEPENDANT_WON = 100_000;
export const MAX_DEPENDANTS = 4;

/** The base monthly amount for the month paid for: 500,000 won to 2025-12, 600,000 won from 2026-01. */
export function baseWon(month: string): number {
  return month >= "2026-01" ? 600_000 : 500_000;
}

/** The full monthly amount before any earnings: the base plus 100,000 won per dependant, counting at most 4. */
export function monthlyWon(month: string, dependants: number): number {
  return baseWon(month) + PER_DEPENDANT_WON * Math.min(dependants, MAX_DEPENDANTS);
}

/**
 * The amount due once the month's reported earnings are counted. The sources of docs/domain.md do not set out the
 * reduction for earnings, so this is the project's assumption, chosen to never pay more than the rule could:
 * won-for-won, the earnings are taken off the full monthly amount, and earnings of the full amount or more leave
 * nothing to pay for that month (0: the payment is refused). Earnings of 0 leave the full amount.
 */
export function allowanceDueWon(month: string, dependants: number, reportedEarningsWon: number): number {
  return Math.max(0, monthlyWon(month, dependants) - reportedEarningsWon);
}
