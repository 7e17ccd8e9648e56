import { SNAPSHOT, workday, type Day } from "../calendar/days";
import { cumulate, type Random } from "../random/random";
import type { CounselingSession, SessionMode } from "./participant-types";
import type { Timeline } from "./timeline";
import { AFTER_EMPLOYMENT_TOPIC, FIRST_TOPIC, FOLLOW_UP_TOPIC, MIDDLE_TOPICS, PLAN_TOPIC } from "./vocabulary";

export const MIN_SESSIONS = 3;
export const MAX_SESSIONS = 16;
const MODES: readonly SessionMode[] = ["IN_PERSON", "PHONE", "VIDEO"];
const MODE_WEIGHTS = cumulate([0.6, 0.3, 0.1]);

/** How many sessions a case is planned for: 3–16, most cases nearer 3 (award cases reach 16). */
export function plannedSessions(rng: Random, intensive: boolean): number {
  if (intensive) return rng.int(10, MAX_SESSIONS);
  return MIN_SESSIONS + Math.floor((MAX_SESSIONS - MIN_SESSIONS + 1) * rng.float() ** 3);
}

function session(rng: Random, heldOn: Day, topic: string): CounselingSession {
  return { heldOn, mode: MODES[rng.weighted(MODE_WEIGHTS)], topic };
}

/**
 * The counselling sessions a participant had by the snapshot: an intake (초기상담), the plan session, then sessions
 * spread over the active service period (at most one a week), and one after a job or during follow-up.
 * `planned` sessions are intended; those that would fall after the snapshot never happened.
 */
export function drawSessions(rng: Random, t: Timeline, planned: number): CounselingSession[] {
  if (t.firstCounselingOn === null) return [];
  const sessions: CounselingSession[] = [{ heldOn: t.firstCounselingOn, mode: "IN_PERSON", topic: FIRST_TOPIC }];
  const until = t.activeUntil ?? SNAPSHOT;
  if (t.planEstablishedOn === null) {
    if (rng.chance(0.5) && until > t.firstCounselingOn) {
      sessions.push(session(rng, Math.min(until, workday(rng.int(t.firstCounselingOn + 1, until))), MIDDLE_TOPICS[0]));
    }
    return sessions;
  }
  sessions.push(session(rng, t.planEstablishedOn, PLAN_TOPIC));
  const closing =
    t.employedOn !== null
      ? AFTER_EMPLOYMENT_TOPIC
      : t.serviceEndsOn !== null && t.stage !== "JOB_SEEKING" && t.deferredOn === null
        ? FOLLOW_UP_TOPIC
        : null;
  const span = until - t.planEstablishedOn;
  // at least one session between the plan and the end keeps every planned case at three sessions or more
  const middle = span < 1 ? 0 : Math.max(1, Math.min(planned - 2 - (closing ? 1 : 0), Math.floor(span / 7)));
  const days: Day[] = [];
  for (let i = 0; i < middle; i += 1) days.push(Math.min(until, workday(t.planEstablishedOn + rng.int(1, span))));
  days.sort((a, b) => a - b);
  for (const heldOn of days) sessions.push(session(rng, heldOn, rng.pick(MIDDLE_TOPICS)));
  if (closing) {
    const from = closing === AFTER_EMPLOYMENT_TOPIC ? (t.employedOn as Day) : (t.serviceEndsOn as Day);
    const heldOn = workday(from + rng.int(7, 60));
    if (heldOn <= SNAPSHOT) sessions.push(session(rng, heldOn, closing));
  }
  return sessions;
}
