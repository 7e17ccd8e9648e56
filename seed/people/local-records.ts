import { PROGRAM_START, SNAPSHOT, yearOf, type Day } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import type { DirectoryIndex } from "../directory/directory-index";
import type { LocalJobCenter } from "../directory/directory-types";
import { GYEONGNAM_LOCAL_CENTER } from "../directory/local-job-center-catalog";
import type { LocalService, LocalServiceUse, Outreach, OutreachChannel } from "./participant-types";
import type { Profile } from "./profile";
import type { StoryPlan } from "./story-plans";
import type { Timeline } from "./timeline";

export const OUTREACH_SHARE = 0.08;
/** Outreach records of people who were found but never applied, per participant. */
export const UNLINKED_OUTREACH_SHARE = 0.02;
export const LOCAL_SERVICE_SHARE = 0.1;
const CHANNELS: readonly OutreachChannel[] = [
  "DOOR_TO_DOOR",
  "COMMUNITY_CENTER",
  "WELFARE_OFFICE",
  "PARTNER_REFERRAL",
  "ONLINE",
  "JOB_FAIR",
  "WALK_IN",
];
const CHANNEL_WEIGHTS = cumulate([0.12, 0.22, 0.2, 0.14, 0.14, 0.08, 0.1]);
const SERVICES: readonly LocalService[] = ["AI_MOCK_INTERVIEW", "VR_MOCK_INTERVIEW", "JOB_KIOSK", "RESUME_CLINIC", "JOB_FAIR"];
const SERVICE_WEIGHTS = cumulate([0.25, 0.12, 0.25, 0.23, 0.15]);
/** 경상남도 일자리종합센터 is known for AI/VR mock interviews and job kiosks. */
const GYEONGNAM_SERVICE_WEIGHTS = cumulate([0.35, 0.25, 0.3, 0.06, 0.04]);

/**
 * A local job center of the region that may have found someone on `discoveredOn`. 광명시 일자리센터's 2022 outreach is
 * exactly its 148 story participants, so generic outreach never picks it for a 2022 discovery.
 */
function outreachCenter(rng: Random, centers: readonly LocalJobCenter[], index: DirectoryIndex, discoveredOn: Day): LocalJobCenter {
  const excluded = yearOf(discoveredOn) === 2022 ? index.gwangmyeongLocalCenter.id : -1;
  const allowed = centers.filter((c) => c.id !== excluded);
  return rng.pick(allowed);
}

/** The outreach record that linked the participant: found 5–60 days before applying, linked the day they applied. */
export function drawOutreach(rng: Random, p: Profile, plan: StoryPlan, index: DirectoryIndex): Outreach | null {
  const channel = CHANNELS[rng.weighted(CHANNEL_WEIGHTS)];
  if (plan.outreach) return { ...plan.outreach, participantId: p.id, channel, linkedOn: p.appliedOn };
  if (!plan.allAgencies && !rng.chance(OUTREACH_SHARE)) return null;
  const discoveredOn = p.appliedOn - rng.int(5, 60);
  const center = outreachCenter(rng, index.localCentersByRegion.get(p.regionCode) ?? [], index, discoveredOn);
  return { localJobCenterId: center.id, participantId: p.id, discoveredOn, channel, linkedOn: p.appliedOn };
}

/** Someone a local job center found who has not (yet) joined the program. */
export function drawUnlinkedOutreach(rng: Random, index: DirectoryIndex): Outreach | null {
  if (!rng.chance(UNLINKED_OUTREACH_SHARE)) return null;
  const discoveredOn = rng.int(PROGRAM_START, SNAPSHOT);
  const centers = [...index.localCentersByRegion.values()][rng.int(0, index.localCentersByRegion.size - 1)];
  const center = outreachCenter(rng, centers, index, discoveredOn);
  return {
    localJobCenterId: center.id,
    participantId: null,
    discoveredOn,
    channel: CHANNELS[rng.weighted(CHANNEL_WEIGHTS)],
    linkedOn: null,
  };
}

/** Special services (AI/VR mock interviews, job kiosks, …) used 1–3 times at a local center of the region during service. */
export function drawLocalServices(rng: Random, p: Profile, t: Timeline, index: DirectoryIndex): LocalServiceUse[] {
  if (t.decidedOn === null || t.activeUntil === null || !rng.chance(LOCAL_SERVICE_SHARE)) return [];
  const centers = index.localCentersByRegion.get(p.regionCode) ?? [];
  const gyeongnam = centers.find((c) => c.name === GYEONGNAM_LOCAL_CENTER);
  const uses: LocalServiceUse[] = [];
  for (let n = rng.int(1, 3); n > 0; n -= 1) {
    const center = gyeongnam && rng.chance(0.6) ? gyeongnam : rng.pick(centers);
    const weights = center === gyeongnam ? GYEONGNAM_SERVICE_WEIGHTS : SERVICE_WEIGHTS;
    uses.push({ localJobCenterId: center.id, service: SERVICES[rng.weighted(weights)], usedOn: rng.int(t.decidedOn, t.activeUntil) });
  }
  return uses.sort((a, b) => a.usedOn - b.usedOn);
}
