import { SNAPSHOT } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import type { WelfareKind, WelfarePartner } from "../directory/directory-types";
import type { Profile } from "./profile";
import type { ReferralStatus, WelfareReferral } from "./participant-types";
import type { Timeline } from "./timeline";

export const WELFARE_SHARE = 0.07;
const KINDS: readonly WelfareKind[] = ["MENTAL_HEALTH", "CREDIT_RECOVERY", "LEGAL_AID", "PSYCHOLOGICAL_COUNSELING"];
const KIND_WEIGHTS = cumulate([0.35, 0.25, 0.15, 0.25]);
/** The award case: legal aid and credit recovery for debt after a fraud; or mental health with psychological counselling. */
const PAIRED: Readonly<Record<WelfareKind, WelfareKind>> = {
  LEGAL_AID: "CREDIT_RECOVERY",
  CREDIT_RECOVERY: "LEGAL_AID",
  MENTAL_HEALTH: "PSYCHOLOGICAL_COUNSELING",
  PSYCHOLOGICAL_COUNSELING: "MENTAL_HEALTH",
};

function status(rng: Random, referredOn: number): { status: ReferralStatus; resolvedOn: number | null } {
  if (rng.chance(0.1)) return { status: "DECLINED", resolvedOn: null };
  const resolvedOn = referredOn + rng.int(14, 150);
  if (resolvedOn <= SNAPSHOT) return { status: "RESOLVED", resolvedOn };
  return { status: SNAPSHOT - referredOn < 14 ? "REFERRED" : "IN_PROGRESS", resolvedOn: null };
}

/**
 * Referrals to welfare partners of the participant's region during service, to remove barriers to work. Story
 * participants may get a second, related referral.
 */
export function drawWelfareReferrals(
  rng: Random,
  p: Profile,
  t: Timeline,
  partners: ReadonlyMap<WelfareKind, readonly WelfarePartner[]> | undefined,
  forced: boolean,
): WelfareReferral[] {
  if (t.decidedOn === null || t.activeUntil === null || !partners || !(forced || rng.chance(WELFARE_SHARE))) return [];
  const first = t.decidedOn + 3;
  if (first > t.activeUntil) return [];
  const kind = KINDS[rng.weighted(KIND_WEIGHTS)];
  const kinds = forced && rng.chance(0.5) ? [kind, PAIRED[kind]] : [kind];
  const referrals: WelfareReferral[] = [];
  for (const k of kinds) {
    const options = partners.get(k);
    if (!options?.length) continue;
    const referredOn = rng.int(first, t.activeUntil);
    referrals.push({ partnerId: rng.pick(options).id, referredOn, ...status(rng, referredOn) });
  }
  return referrals.sort((a, b) => a.referredOn - b.referredOn);
}
