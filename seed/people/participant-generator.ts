import { Random, STREAM, type SeedKey } from "../random/random";
import type { Directory } from "../directory/directory";
import type { NameBook } from "./name-book";
import type { Outreach, ParticipantRecords } from "./participant-types";
import { drawProfile } from "./profile";
import { planStory } from "./story-plans";
import { StoryCast } from "./stories";
import { buildTimeline } from "./timeline";
import { drawSessions, plannedSessions } from "./counseling";
import { drawPayments } from "./allowance";
import { drawPlacementsAndJob } from "./placements";
import { drawWorkExperience } from "./work-experience";
import { drawLocalServices, drawOutreach, drawUnlinkedOutreach } from "./local-records";
import { drawSaeilEnrollment } from "./saeil-records";
import { drawWelfareReferrals } from "./welfare-records";
import { OCCUPATIONS } from "./vocabulary";
import { drawConsents } from "./consents";
import { caseEnd, drawJobEnd } from "./case-end";

/**
 * Generates participant `index` of a run of `participants` with everything the four agencies hold about them.
 * Each participant has its own random stream, so the result depends only on the seed, the run size and the index.
 */
export class ParticipantGenerator {
  readonly cast: StoryCast;

  constructor(
    private readonly key: SeedKey,
    private readonly directory: Directory,
    private readonly names: NameBook,
    participants: number,
  ) {
    this.cast = new StoryCast(participants);
  }

  generate(index: number): ParticipantRecords {
    const rng = Random.derive(this.key, STREAM.participant, index);
    const dir = this.directory.index;
    const plan = planStory(rng, this.cast.roleOf(index), dir);
    const p = drawProfile(rng, plan, dir, this.names);
    const timeline = buildTimeline(rng, {
      appliedOn: p.appliedOn,
      inService: plan.inService,
      employment: plan.employment,
      placementJobsAllowed: p.employmentCenterId !== dir.incheonCenter.id,
    });
    const desiredOccupation = rng.pick(OCCUPATIONS);
    const { placements, employment } = drawPlacementsAndJob(rng, timeline, desiredOccupation);
    const outreach: Outreach[] = [];
    const linked = drawOutreach(rng, p, plan, dir);
    if (linked) outreach.push(linked);
    const unlinked = drawUnlinkedOutreach(rng, dir);
    if (unlinked) outreach.push(unlinked);
    const records: Omit<ParticipantRecords, "consents"> = {
      participant: {
        id: p.id,
        name: p.name,
        birthYear: p.birthYear,
        gender: p.gender,
        track: p.track,
        stage: timeline.stage,
        appliedOn: p.appliedOn,
        eligibilityDecidedOn: timeline.decidedOn,
        closedOn: caseEnd(timeline)?.closedOn ?? null,
        exitReason: caseEnd(timeline)?.exitReason ?? null,
        regionCode: p.regionCode,
        employmentCenterId: p.employmentCenterId,
        counselorId: p.counselorId,
      },
      actionPlan: timeline.planEstablishedOn === null ? null : { establishedOn: timeline.planEstablishedOn, desiredOccupation },
      sessions: drawSessions(rng, timeline, plannedSessions(rng, plan.allAgencies)),
      payments: drawPayments(rng, p.track, timeline),
      placements,
      workExperience: drawWorkExperience(rng, timeline, dir.companiesByCenter.get(p.employmentCenterId)),
      employment,
      outreach,
      localServices: drawLocalServices(rng, p, timeline, dir),
      saeilEnrollment: drawSaeilEnrollment(rng, p, timeline, dir.coursesByRegion.get(p.regionCode), plan.allAgencies),
      welfareReferrals: drawWelfareReferrals(rng, p, timeline, dir.partnersByRegion.get(p.regionCode), plan.allAgencies),
    };
    // drawn last, so that adding consents left every earlier draw (and so the rest of the data) as it was
    const withConsents = { ...records, consents: drawConsents(rng, records, plan.allAgencies) };
    // a stream of its own: the job's end was added after the rest, which it leaves as it was
    if (employment) employment.endedOn = drawJobEnd(Random.derive(this.key, STREAM.jobEnd, index), employment.employedOn);
    return withConsents;
  }
}
