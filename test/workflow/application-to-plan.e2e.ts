import { contract } from "../support/system";
import { application, errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * From application to action plan through the gateway (Act §8, §10, §12): each mutation's effect on the contract's
 * operations, the figures it changes, and the access log; then each rule it enforces.
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_apply");
}, 120_000);
afterAll(() => ws?.system.stop());

const figures = async (year: number) => {
  const [row] = await ws.system.sql(
    "job-centers",
    "SELECT applicants, started FROM center_year_figures WHERE center_id = $1 AND year = $2",
    [ws.center.id, year],
  );
  return row as { applicants: number; started: number };
};
const annualStats = async () =>
  (
    await ws.system.query(
      `query ($id: ID!) { employmentCenter(id: $id) { annualStats(year: 2023) { applicants participantsStarted } } }`,
      {
        id: String(ws.center.id),
      },
      undefined,
      ws.tokens.analyst,
    )
  ).data!.employmentCenter.annualStats;

describe("a case from application to action plan", () => {
  let id: string;

  it("applyForProgram: APPLIED at version 1, with the consents given; the center's applicants count it at once", async () => {
    const before = await annualStats();
    const response = await ws.mutate("applyForProgram", application(ws));
    expect(response.errors).toBeUndefined();
    id = response.data!.applyForProgram.id;
    expect(response.data!.applyForProgram).toEqual({
      id,
      name: "나새봄",
      stage: "APPLIED",
      track: "TYPE_I_REQUIREMENT",
      version: 1,
      appliedOn: "2023-11-01",
      eligibilityDecidedOn: null,
    });
    const view = await contract(ws.system, "Participant360", { id }, ws.tokens.counselor);
    expect(view.data!.participant).toMatchObject({ name: "나새봄", stage: "APPLIED", counselor: { id: String(ws.counselorId) } });
    const consents = await ws.system.query(
      `query ($id: ID!) { participant(id: $id) { consents { viewerKind recordsKind withdrawnAt } } }`,
      { id },
      undefined,
      ws.tokens.counselor,
    );
    expect(consents.data!.participant.consents).toEqual([
      { viewerKind: "LOCAL_JOB_CENTER", recordsKind: "EMPLOYMENT_CENTER", withdrawnAt: null },
      { viewerKind: "EMPLOYMENT_CENTER", recordsKind: "WELFARE_PARTNER", withdrawnAt: null },
    ]);
    expect(await annualStats()).toEqual({ ...before, applicants: before.applicants + 1 });
  });

  it("decideEligibility: ELIGIBLE with the track, the decision's date, version 2; participantsStarted counts it", async () => {
    const before = await figures(2023);
    const response = await ws.mutate("decideEligibility", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      eligible: true,
      decidedOn: "2023-11-20",
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.decideEligibility).toMatchObject({ stage: "ELIGIBLE", version: 2, eligibilityDecidedOn: "2023-11-20" });
    expect(await figures(2023)).toEqual({ ...before, started: before.started + 1 });
  });

  it("recordCounselingSession: the first session moves the case to PLANNING", async () => {
    const response = await ws.mutate("recordCounselingSession", {
      idempotencyKey: key(),
      participantId: id,
      heldOn: "2023-11-24",
      mode: "IN_PERSON",
      topic: "취업활동계획 수립",
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordCounselingSession).toMatchObject({ heldOn: "2023-11-24", mode: "IN_PERSON", topic: "취업활동계획 수립" });
    const [row] = await ws.system.sql("job-centers", "SELECT stage, version FROM participant WHERE id = $1", [id]);
    expect(row).toEqual({ stage: "PLANNING", version: 3 });
  });

  it("establishActionPlan: JOB_SEEKING, and Participant360 shows the plan and the session", async () => {
    const response = await ws.mutate("establishActionPlan", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 3,
      establishedOn: "2023-12-01",
      desiredOccupation: "웹 개발자",
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.establishActionPlan).toMatchObject({ stage: "JOB_SEEKING", version: 4 });
    const view = (await contract(ws.system, "Participant360", { id }, ws.tokens.counselor)).data!.participant;
    expect([view.actionPlan, view.counselingSessions.totalCount, view.counselingSessions.edges[0].node.topic]).toEqual([
      { establishedOn: "2023-12-01", desiredOccupation: "웹 개발자" },
      1,
      "취업활동계획 수립",
    ]);
  });

  it("logged every write in the employment centers' access log, with who wrote it", async () => {
    const rows = await ws.system.sql(
      "job-centers",
      "SELECT operation_name, user_sub, user_role, office_id FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids) ORDER BY id",
      [id],
    );
    const who = { user_sub: String(ws.counselorId), user_role: "COUNSELOR", office_id: ws.center.id };
    // the operations are anonymous here, so each entry names none; the hash tells them apart
    expect(rows).toEqual([1, 2, 3, 4].map(() => ({ operation_name: null, ...who })));
  });
});

describe("the rules each write follows", () => {
  const count = async () => Number((await ws.system.sql("job-centers", "SELECT count(*) AS n FROM participant"))[0].n);

  it.each([
    ["name", { name: "  " }, "name must be 1–40 characters."],
    ["birthYear", { birthYear: 2015 }, "TYPE_I_REQUIREMENT admits ages 15–69; born in 2015, the applicant is 8 in 2023."],
    ["regionCode", { regionCode: "99" }, undefined],
    ["appliedOn", { appliedOn: "2020-12-31" }, "appliedOn (2020-12-31) is before the program's start (2021-01-01)."],
    ["idempotencyKey", { idempotencyKey: "x" }, undefined],
    ["consents", { consents: [{ viewerKind: "SAEIL_CENTER", recordsKind: "SAEIL_CENTER" }] }, undefined],
  ])("a bad %s is BAD_USER_INPUT naming it, and nothing is written", async (field, change, message) => {
    const before = await count();
    const [error] = errorsOf(await ws.mutate("applyForProgram", application(ws, change)));
    expect([error.code, error.argumentName]).toEqual(["BAD_USER_INPUT", field]);
    if (message) expect(error.message).toBe(message);
    expect(await count()).toBe(before);
  });

  it("refuses an application at another center, and any write by a role or office that may not write", async () => {
    const elsewhere = errorsOf(await ws.mutate("applyForProgram", application(ws), ws.tokens.otherCenter));
    expect(elsewhere.map((e) => e.code)).toEqual(["FORBIDDEN"]);
    for (const token of [ws.tokens.analyst, ws.tokens.localStaff]) {
      const response = await ws.mutate("applyForProgram", application(ws), token);
      expect([response.data?.applyForProgram ?? null, errorsOf(response).map((e) => e.code)]).toEqual([null, ["FORBIDDEN"]]);
    }
  });

  it("an illegal stage change is INVALID_TRANSITION naming the current stage and the allowed ones", async () => {
    const id = (await ws.mutate("applyForProgram", application(ws))).data!.applyForProgram.id;
    const plan = await ws.mutate("establishActionPlan", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      desiredOccupation: "용접공",
    });
    expect(plan.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage, e.extensions?.allowedStages, e.message])).toEqual([
      [
        "INVALID_TRANSITION",
        "APPLIED",
        ["ELIGIBLE", "CLOSED"],
        "establishActionPlan is not possible while the participant is APPLIED. From APPLIED the case may go to: ELIGIBLE, CLOSED.",
      ],
    ]);
    const session = await ws.mutate("recordCounselingSession", { idempotencyKey: key(), participantId: id, mode: "PHONE", topic: "안내" });
    expect(errorsOf(session).map((e) => e.code)).toEqual(["INVALID_TRANSITION"]);
    const rejected = await ws.mutate("decideEligibility", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      eligible: false,
      decidedOn: "2023-11-10",
    });
    expect(errorsOf(rejected)).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "rejectionReason", message: "A rejection needs its reason (rejectionReason)." },
    ]);
    const closed = await ws.mutate("decideEligibility", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: 1,
      eligible: false,
      rejectionReason: "소득 기준 초과",
      decidedOn: "2023-11-10",
    });
    expect(closed.data!.decideEligibility).toMatchObject({ stage: "CLOSED", version: 2, eligibilityDecidedOn: null });
    const again = await ws.mutate("decideEligibility", { idempotencyKey: key(), participantId: id, expectedVersion: 2, eligible: true });
    expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.allowedStages])).toEqual([["INVALID_TRANSITION", []]]);
  });

  it("a decision after its deadline needs a reason, which is recorded", async () => {
    const id = (await ws.mutate("applyForProgram", application(ws, { appliedOn: "2023-01-31" }))).data!.applyForProgram.id;
    const late = { idempotencyKey: key(), participantId: id, expectedVersion: 1, eligible: true, decidedOn: "2023-03-08" };
    expect(errorsOf(await ws.mutate("decideEligibility", late))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "lateReason",
        message: "The decision was due by 2023-03-07 (1 month from the application, extended by 7 days); give lateReason.",
      },
    ]);
    const explained = await ws.mutate("decideEligibility", { ...late, idempotencyKey: key(), lateReason: "가구원 소득자료 회신 지연" });
    expect(explained.data!.decideEligibility.stage).toBe("ELIGIBLE");
    expect(await ws.system.sql("job-centers", "SELECT late_decision_reason FROM participant WHERE id = $1", [id])).toEqual([
      { late_decision_reason: "가구원 소득자료 회신 지연" },
    ]);
  });

  it("only the counsellor in charge or the manager writes a case; another center's staff do not know it exists", async () => {
    const id = (await ws.mutate("applyForProgram", application(ws))).data!.applyForProgram.id;
    const decision = (token: string) =>
      ws.mutate(
        "decideEligibility",
        { idempotencyKey: key(), participantId: id, expectedVersion: 1, eligible: true, decidedOn: "2023-11-05" },
        token,
      );
    expect(errorsOf(await decision(ws.tokens.colleague)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    expect(errorsOf(await decision(ws.tokens.otherCenter))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "participantId",
        message: `No participant with id "${id}" is served by your employment center.`,
      },
    ]);
    expect((await decision(ws.tokens.manager)).data!.decideEligibility.stage).toBe("ELIGIBLE");
  });
});
