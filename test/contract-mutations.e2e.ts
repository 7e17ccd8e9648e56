import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { Kind, OperationTypeNode, parse } from "graphql";
import { SCHEMA_DIR } from "@lib/config/paths";
import type { RunningGateway } from "../gateway/src/server";
import { bearer, gatewayVariant, post } from "./abuse/support";
import { startScratchSystem, type ScratchSystem } from "./support/scratch-system";
import { CONTRACT } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Every mutation of the client contract, unchanged, through a gateway in safelist mode (so the contract's writes are
 * what it registers), in the order of one case: found by a local job center, applied, decided, planned, paid,
 * referred to two welfare partners, trained at a Saeil center, deferred and resumed, at a work-experience host, into
 * follow-up when the service year ended, placed, employed, closed. On databases of this file's own: it writes.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const ID = /^[1-9][0-9]*$/;
const CENTER = 21; // 인천고용센터, region 28
const COUNSELOR = 315; // one of its counsellors
const LOCAL = 15; // 인천광역시 일자리센터
const SAEIL = 15; // 인천여성새로일하기센터
const PARTNERS = { credit: 45, mentalHealth: 41 }; // 신용회복위원회 인천지부, 인천정신건강복지센터

const contractMutations = parse(CONTRACT).definitions.flatMap((d) =>
  d.kind === Kind.OPERATION_DEFINITION && d.operation === OperationTypeNode.MUTATION ? [d.name!.value] : [],
);
const supergraph = parse(readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"));
const schemaMutations = supergraph.definitions.flatMap((d) =>
  d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === "Mutation" ? d.fields!.map((f) => f.name.value) : [],
);

let system: ScratchSystem;
let safelisted: RunningGateway;
let tokens: Record<"counselor" | "local" | "saeil" | "credit" | "mentalHealth", string>;

const ran: string[] = [];

/** Runs one contract mutation as a client sends it (the whole file, an operationName, a fresh key); its field's answer. */
async function write(operationName: string, token: string, input: Record<string, unknown>): Promise<Record<string, any>> {
  // the agencies' events of the steps before have arrived, as they have by the time a person sends the next one
  await system.settle();
  const variables = { input: { idempotencyKey: randomUUID(), ...input } };
  const answer = await post(safelisted.url, { query: CONTRACT, operationName, variables }, bearer(token));
  ran.push(operationName);
  expect([operationName, answer.status, answer.body.errors]).toEqual([operationName, 200, undefined]);
  return Object.values(answer.body.data as Record<string, Record<string, any>>)[0];
}

it("has one operation per mutation of the schema", () => {
  expect(contractMutations).toHaveLength(30);
  expect(contractMutations.map((name) => name[0].toLowerCase() + name.slice(1)).sort()).toEqual([...schemaMutations].sort());
});

describe("through a safelisted gateway, on scratch databases", () => {
  beforeAll(async () => {
    system = await startScratchSystem("contract_mutations");
    safelisted = await gatewayVariant(system, { safelist: true });
    tokens = {
      counselor: await tokenFor("COUNSELOR", CENTER, String(COUNSELOR)),
      local: await tokenFor("LOCAL_CENTER_STAFF", LOCAL, "contract-local"),
      saeil: await tokenFor("SAEIL_STAFF", SAEIL, "contract-saeil"),
      credit: await tokenFor("WELFARE_STAFF", PARTNERS.credit, "contract-credit"),
      mentalHealth: await tokenFor("WELFARE_STAFF", PARTNERS.mentalHealth, "contract-mental-health"),
    };
  }, 120_000);
  afterAll(async () => {
    await safelisted?.stop();
    await system?.stop();
  });

  it("runs every mutation of the contract in the order of a case, each answering exactly what it wrote", async () => {
    const outreach = await write("RecordOutreach", tokens.local, { channel: "COMMUNITY_CENTER", discoveredOn: "2025-01-06" });
    expect(outreach).toEqual({ id: expect.stringMatching(ID), discoveredOn: "2025-01-06", channel: "COMMUNITY_CENTER", version: 1 });
    expect(await write("SetAgreementQuota", tokens.local, { year: 2025, quota: 120, signedOn: "2025-01-02" })).toEqual({
      year: 2025,
      quota: 120,
      signedOn: "2025-01-02",
      version: 1,
    });

    const applied = await write("ApplyForProgram", tokens.counselor, {
      name: "계약서",
      birthYear: 1987,
      gender: "FEMALE",
      requestedTrack: "TYPE_I_REQUIREMENT",
      regionCode: "28",
      employmentCenterId: String(CENTER),
      appliedOn: "2025-01-13",
      consents: ["LOCAL_JOB_CENTER", "SAEIL_CENTER", "WELFARE_PARTNER"].flatMap((kind) => [
        { viewerKind: "EMPLOYMENT_CENTER", recordsKind: kind },
        { viewerKind: kind, recordsKind: "EMPLOYMENT_CENTER" },
      ]),
    });
    const participantId = applied.id as string;
    expect(applied).toEqual({
      id: expect.stringMatching(UUID),
      name: "계약서",
      stage: "APPLIED",
      track: "TYPE_I_REQUIREMENT",
      version: 1,
      appliedOn: "2025-01-13",
    });
    const about = { participantId };

    expect(
      await write("LinkOutreach", tokens.local, { outreachId: outreach.id, expectedVersion: 1, ...about, linkedOn: "2025-01-14" }),
    ).toEqual({ id: outreach.id, linkedOn: "2025-01-14", version: 2 });
    expect(
      await write("DecideEligibility", tokens.counselor, {
        ...about,
        expectedVersion: 1,
        eligible: true,
        track: "TYPE_I_REQUIREMENT",
        decidedOn: "2025-01-27",
      }),
    ).toEqual({ id: participantId, stage: "ELIGIBLE", track: "TYPE_I_REQUIREMENT", version: 2, eligibilityDecidedOn: "2025-01-27" });
    expect(
      await write("RecordCounselingSession", tokens.counselor, { ...about, heldOn: "2025-01-30", mode: "IN_PERSON", topic: "초기상담" }),
    ).toEqual({
      id: expect.stringMatching(ID),
      heldOn: "2025-01-30",
      mode: "IN_PERSON",
      topic: "초기상담",
    });
    expect(
      await write("EstablishActionPlan", tokens.counselor, {
        ...about,
        expectedVersion: 3,
        establishedOn: "2025-02-10",
        desiredOccupation: "품질관리원",
      }),
    ).toEqual({
      id: participantId,
      stage: "JOB_SEEKING",
      version: 4,
      actionPlan: { establishedOn: "2025-02-10", desiredOccupation: "품질관리원" },
    });
    expect(
      await write("RecordJobSearchActivity", tokens.counselor, {
        ...about,
        kind: "TRAINING",
        doneOn: "2025-02-17",
        description: "품질경영 기초 교육",
      }),
    ).toEqual({ id: expect.stringMatching(ID), kind: "TRAINING", doneOn: "2025-02-17", description: "품질경영 기초 교육" });
    // 500,000 won a month in 2025, and 100,000 for each of two dependants
    expect(await write("PayAllowance", tokens.counselor, { ...about, month: "2025-02", dependants: 2, paidOn: "2025-03-10" })).toEqual({
      month: "2025-02",
      amountWon: 700_000,
      paidOn: "2025-03-10",
    });
    expect(await write("RecordLocalServiceUse", tokens.local, { ...about, service: "AI_MOCK_INTERVIEW", usedOn: "2025-02-20" })).toEqual({
      service: "AI_MOCK_INTERVIEW",
      usedOn: "2025-02-20",
      localJobCenter: { id: String(LOCAL), name: "인천광역시 일자리센터" },
    });

    const course = await write("CreateCourse", tokens.saeil, {
      title: "품질관리원 양성과정 8기",
      field: "제조·생산",
      hours: 160,
      startsOn: "2025-03-03",
    });
    expect(course).toEqual({
      id: expect.stringMatching(ID),
      title: "품질관리원 양성과정 8기",
      field: "제조·생산",
      hours: 160,
      startsOn: "2025-03-03",
    });
    const enrolled = await write("EnrollInCourse", tokens.saeil, { ...about, courseId: course.id, enrolledOn: "2025-03-03" });
    expect(enrolled).toEqual({
      id: expect.stringMatching(ID),
      status: "ENROLLED",
      enrolledOn: "2025-03-03",
      version: 1,
      course: { id: course.id, title: "품질관리원 양성과정 8기" },
    });
    expect(
      await write("CompleteEnrollment", tokens.saeil, { enrollmentId: enrolled.id, expectedVersion: 1, completedOn: "2025-04-25" }),
    ).toEqual({
      id: enrolled.id,
      status: "COMPLETED",
      completedOn: "2025-04-25",
      version: 2,
    });
    const [seededCourse] = await system.sql<{ id: number; title: string }>(
      "saeil-centers",
      "SELECT id, title FROM saeil_course WHERE saeil_center_id = $1 ORDER BY id LIMIT 1",
      [SAEIL],
    );
    const second = await write("EnrollInCourse", tokens.saeil, { ...about, courseId: String(seededCourse.id), enrolledOn: "2025-05-02" });
    expect(await write("DropEnrollment", tokens.saeil, { enrollmentId: second.id, expectedVersion: 1, droppedOn: "2025-05-09" })).toEqual({
      id: second.id,
      status: "DROPPED",
      droppedOn: "2025-05-09",
      version: 2,
    });
    expect(
      await write("RecordInternship", tokens.saeil, { ...about, company: "(주)인천정밀", startsOn: "2025-05-12", endsOn: "2025-06-30" }),
    ).toEqual({ id: expect.stringMatching(ID), company: "(주)인천정밀", startsOn: "2025-05-12", endsOn: "2025-06-30" });

    const credit = await write("CreateReferral", tokens.counselor, {
      ...about,
      partnerId: String(PARTNERS.credit),
      reasonCategory: "DEBT",
      referredOn: "2025-03-17",
    });
    expect(credit).toEqual({
      id: expect.stringMatching(ID),
      status: "REFERRED",
      referredOn: "2025-03-17",
      version: 1,
      partner: { id: String(PARTNERS.credit), name: "신용회복위원회 인천지부", kind: "CREDIT_RECOVERY" },
    });
    expect(await write("AcceptReferral", tokens.credit, { referralId: credit.id, expectedVersion: 1, acceptedOn: "2025-03-19" })).toEqual({
      id: credit.id,
      status: "IN_PROGRESS",
      acceptedOn: "2025-03-19",
      version: 2,
    });
    expect(
      await write("ResolveReferral", tokens.credit, {
        referralId: credit.id,
        expectedVersion: 2,
        outcome: "BARRIER_REMOVED",
        resolvedOn: "2025-05-30",
      }),
    ).toEqual({ id: credit.id, status: "RESOLVED", resolvedOn: "2025-05-30", outcome: "BARRIER_REMOVED", version: 3 });
    const mentalHealth = await write("CreateReferral", tokens.counselor, {
      ...about,
      partnerId: String(PARTNERS.mentalHealth),
      reasonCategory: "PSYCHOLOGICAL_DISTRESS",
      referredOn: "2025-03-17",
    });
    expect(
      await write("DeclineReferral", tokens.mentalHealth, {
        referralId: mentalHealth.id,
        expectedVersion: 1,
        reason: "NO_CAPACITY",
        declinedOn: "2025-03-20",
      }),
    ).toEqual({ id: mentalHealth.id, status: "DECLINED", declinedOn: "2025-03-20", declineReason: "NO_CAPACITY", version: 2 });

    expect(
      await write("DeferParticipation", tokens.counselor, {
        ...about,
        expectedVersion: 4,
        deferredOn: "2025-06-02",
        resumesOn: "2025-07-01",
      }),
    ).toEqual({ id: participantId, stage: "DEFERRED", version: 5 });
    expect(await write("ResumeParticipation", tokens.counselor, { ...about, expectedVersion: 5, resumedOn: "2025-07-01" })).toEqual({
      id: participantId,
      stage: "JOB_SEEKING",
      version: 6,
    });
    const host = await write("SignUpWorkExperienceHost", tokens.counselor, { name: "(주)남동품질센터", signedUpOn: "2025-07-01" });
    expect(host).toEqual({ id: expect.stringMatching(ID), name: "(주)남동품질센터", signedUpOn: "2025-07-01" });
    expect(
      await write("RecordWorkExperience", tokens.counselor, {
        ...about,
        companyId: host.id,
        startedOn: "2025-07-07",
        endedOn: "2025-08-29",
      }),
    ).toEqual({ companyName: "(주)남동품질센터", startedOn: "2025-07-07", endedOn: "2025-08-29" });
    // the service year (from the decision on 2025-01-27) ended without a job: follow-up, then a job through a placement
    expect(await write("StartFollowUp", tokens.counselor, { ...about, expectedVersion: 6, startedOn: "2026-01-27" })).toEqual({
      id: participantId,
      stage: "FOLLOW_UP",
      version: 7,
    });
    const placement = await write("RecordPlacement", tokens.counselor, {
      ...about,
      referredOn: "2026-02-02",
      employerName: "(주)인천정밀",
      occupation: "품질관리원",
    });
    expect(placement).toEqual({
      id: expect.stringMatching(ID),
      referredOn: "2026-02-02",
      employerName: "(주)인천정밀",
      occupation: "품질관리원",
      result: "PENDING",
    });
    expect(
      await write("RecordPlacementResult", tokens.counselor, { placementId: placement.id, result: "HIRED", resultOn: "2026-02-16" }),
    ).toEqual({
      id: placement.id,
      result: "HIRED",
    });
    expect(
      await write("RecordEmployment", tokens.counselor, {
        ...about,
        expectedVersion: 7,
        employedOn: "2026-03-02",
        employerName: "(주)인천정밀",
        occupation: "품질관리원",
        weeklyHours: 40,
        viaPlacement: true,
      }),
    ).toEqual({
      id: participantId,
      stage: "EMPLOYED",
      version: 8,
      employment: { employedOn: "2026-03-02", employerName: "(주)인천정밀", weeklyHours: 40 },
    });
    // the person withdraws the local center's sight of the employment center's records, then gives it again
    type Consent = { viewerKind: string; recordsKind: string; givenAt: string; withdrawnAt: string | null };
    const localSight = (answer: Record<string, unknown>) =>
      (answer.consents as Consent[]).filter((c) => c.viewerKind === "LOCAL_JOB_CENTER" && c.recordsKind === "EMPLOYMENT_CENTER");
    const sight = { viewerKind: "LOCAL_JOB_CENTER", recordsKind: "EMPLOYMENT_CENTER" };
    const withdrawn = await write("WithdrawConsent", tokens.counselor, { ...about, expectedVersion: 8, ...sight });
    expect([withdrawn.id, withdrawn.version, (withdrawn.consents as Consent[]).length]).toEqual([participantId, 9, 6]);
    expect(localSight(withdrawn)).toEqual([{ ...sight, givenAt: expect.any(String), withdrawnAt: expect.any(String) }]);
    const given = await write("GiveConsent", tokens.counselor, { ...about, expectedVersion: 9, ...sight });
    expect([given.id, given.version]).toEqual([participantId, 10]);
    expect(localSight(given).filter((c) => c.withdrawnAt === null)).toEqual([{ ...sight, givenAt: expect.any(String), withdrawnAt: null }]);
    expect(
      await write("CloseParticipation", tokens.counselor, {
        ...about,
        expectedVersion: 10,
        reason: "EMPLOYED_ENDED",
        closedOn: "2026-03-02",
      }),
    ).toEqual({ id: participantId, stage: "CLOSED", version: 11 });

    expect(new Set(ran)).toEqual(new Set(contractMutations));
  });
});
