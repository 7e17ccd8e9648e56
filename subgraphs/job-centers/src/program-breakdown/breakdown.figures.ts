import type { Count } from "./breakdown.read";
import type { GroupCounts } from "./breakdown.publish";
import type { BreakdownFigures } from "./breakdown-figures.type";

/** The published figures of one key, and whether any is withheld. */
export type Figures = BreakdownFigures & { suppressed: boolean };

/**
 * A key's figures from its counts: a count withheld is null, and so is every rate, median or sum computed on a
 * withheld count. `withheld` is null for a reader who sees everything (a center manager, their own office).
 */
export function figuresOf(
  group: GroupCounts,
  median: number | undefined,
  withheld: ReadonlyMap<Count, ReadonlySet<string>> | null,
  key: string,
): Figures {
  const c = group.counts;
  const hidden = (count: Count) => withheld?.get(count)?.has(key) ?? false;
  const count = (name: Count) => (hidden(name) ? null : c[name]);
  const rate = (numerator: Count, denominator: Count) =>
    c[denominator] === 0 || hidden(numerator) || hidden(denominator) ? null : c[numerator] / c[denominator];
  return {
    applicants: count("applicants"),
    participantsStarted: count("started"),
    employed: count("employed"),
    placementEmployments: count("placed"),
    employmentRate: rate("employed", "ended"),
    placementShare: rate("placed", "employed"),
    medianDaysToEmployment: c.timed === 0 || hidden("timed") || median === undefined ? null : median,
    retainedAt6Months: rate("kept_6", "measured_6"),
    retainedAt12Months: rate("kept_12", "measured_12"),
    allowancePaidWon: hidden("paid_won") ? null : c.paid_won,
    suppressed: withheld !== null && [...withheld.values()].some((keys) => keys.has(key)),
  };
}
