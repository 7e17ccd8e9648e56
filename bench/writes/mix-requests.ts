import type { WriteRequest } from "./send-writes";
import type { CaseRow, WriteFixtures } from "./write-fixtures";
import { writeRequest } from "./write-requests";
import type { WriterTokens } from "./write-tokens";

/** The mutations of the concurrency-1 mix and the role each is sent as. */
export const MIX_ROLES: Record<string, string> = {
  applyForProgram: "COUNSELOR",
  recordCounselingSession: "COUNSELOR",
  recordJobSearchActivity: "COUNSELOR",
  payAllowance: "CENTER_MANAGER",
  recordEmployment: "COUNSELOR",
  createReferral: "COUNSELOR",
};

const REFERRAL_REASONS = ["DEBT", "MENTAL_HEALTH", "FAMILY_CRISIS", "LEGAL_DISPUTE", "OTHER"];

/** How many allowance participants and job-seeking cases a mix of `rounds` requests per mutation uses. */
export function mixNeeds(rounds: number): { allowance: number; jobSeeking: number; counseled: number } {
  return { allowance: rounds, jobSeeking: 2 * rounds, counseled: 2 * rounds };
}

/**
 * `rounds` requests of each mix mutation, interleaved (one of each in turn, so drift of the machine hits all alike),
 * each written by whom the rules let write it: the counsellor in charge of the case (an application is taken by a
 * counsellor at their own center), the center's manager for the allowance. Distinct cases for every request.
 */
export async function mixRequests(fixtures: WriteFixtures, tokens: WriterTokens, rounds: number): Promise<WriteRequest[]> {
  const need = mixNeeds(rounds);
  const short = [
    fixtures.allowance.length < need.allowance && "allowance participants",
    fixtures.jobSeeking.length < need.jobSeeking && "job-seeking cases",
    fixtures.counseled.length < need.counseled && "counselled cases",
  ].filter(Boolean);
  if (short.length) throw new Error(`too few ${short.join(", ")} in the data for ${rounds} mix requests per mutation`);
  const counselor = (row: CaseRow) => tokens.counselor(row.counselorId, row.centerId);
  const requests: WriteRequest[] = [];
  for (let i = 0; i < rounds; i++) {
    const applicant = fixtures.counseled[2 * i];
    const referred = fixtures.counseled[2 * i + 1];
    const employed = fixtures.jobSeeking[2 * i];
    const seeking = fixtures.jobSeeking[2 * i + 1];
    const paid = fixtures.allowance[i];
    requests.push(
      writeRequest(
        "applyForProgram",
        {
          name: "벤치참여",
          birthYear: 1990 + (i % 15),
          gender: i % 2 ? "MALE" : "FEMALE",
          requestedTrack: "TYPE_I_REQUIREMENT",
          regionCode: applicant.regionCode,
          employmentCenterId: String(applicant.centerId),
          consents: [{ viewerKind: "LOCAL_JOB_CENTER", recordsKind: "EMPLOYMENT_CENTER" }],
        },
        await counselor(applicant),
      ),
      writeRequest("recordCounselingSession", { participantId: referred.id, mode: "PHONE", topic: "구직 상담" }, await counselor(referred)),
      writeRequest(
        "recordJobSearchActivity",
        { participantId: seeking.id, kind: "VOCATIONAL_GUIDANCE", description: "직업지도 프로그램 참여" },
        await counselor(seeking),
      ),
      writeRequest(
        "payAllowance",
        { participantId: paid.id, month: fixtures.month, dependants: i % 3 },
        await tokens.manager(paid.centerId),
      ),
      writeRequest(
        "recordEmployment",
        {
          participantId: employed.id,
          expectedVersion: employed.version,
          employerName: "벤치상사",
          occupation: "사무원",
          weeklyHours: 40,
          viaPlacement: false,
        },
        await counselor(employed),
      ),
      writeRequest(
        "createReferral",
        {
          participantId: referred.id,
          partnerId: String(fixtures.partnerIds[i % fixtures.partnerIds.length]),
          reasonCategory: REFERRAL_REASONS[i % REFERRAL_REASONS.length],
        },
        await counselor(referred),
      ),
    );
  }
  return requests;
}
