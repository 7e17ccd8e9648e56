import { contract } from "../support/system";
import { caseAt, centerFigures, stageOf } from "./case-steps";
import { errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * How a case ends, through the gateway: a job of 30+ hours a week (Act §29, Rule §20), follow-up after the service
 * year (Rule §11), closure with the exit reason, and deferral (유예, at most 2 years) with the return to the stage left.
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_case_end");
}, 120_000);
afterAll(() => ws?.system.stop());

const job = (participantId: string, expectedVersion: number, input: Record<string, unknown> = {}) =>
  ws.mutate("recordEmployment", {
    idempotencyKey: key(),
    participantId,
    expectedVersion,
    employedOn: "2024-02-01",
    employerName: "한빛물류",
    occupation: "물류 사무원",
    weeklyHours: 40,
    viaPlacement: false,
    ...input,
  });
const events = (id: string) =>
  ws.system.sql(
    "job-centers",
    "SELECT type, payload FROM outbox_event WHERE participant_id = $1 AND type <> 'ParticipantApplied' ORDER BY id",
    [id],
  );
const transition = (response: Awaited<ReturnType<WorkflowSystem["mutate"]>>) =>
  response.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage]);

describe("recordEmployment (Act §29, Rule §20)", () => {
  it("30+ hours: EMPLOYED, Participant360 shows the job, employed +1 for its year, ParticipantEmployed emitted", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    const before = await centerFigures(ws, 2024);
    const response = await job(id, version);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordEmployment).toMatchObject({ stage: "EMPLOYED", version: version + 1 });
    const view = await contract(ws.system, "Participant360", { id }, ws.tokens.counselor);
    expect(view.data!.participant.employment).toEqual({
      employedOn: "2024-02-01",
      employerName: "한빛물류",
      occupation: "물류 사무원",
      weeklyHours: 40,
      viaPlacement: false,
    });
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, employed: before.employed + 1 });
    expect(await events(id)).toEqual([{ type: "ParticipantEmployed", payload: { employedOn: "2024-02-01" } }]);
  });

  it("via placement: needs a HIRED placement, and counts in placed as well", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    expect(errorsOf(await job(id, version, { viaPlacement: true }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "viaPlacement",
        message: "viaPlacement needs a placement of the participant with the result HIRED.",
      },
    ]);
    await ws.system.sql(
      "job-centers",
      "INSERT INTO placement (participant_id, referred_on, employer_name, occupation, result) VALUES ($1, '2024-01-10', '한빛물류', '사무원', 'HIRED')",
      [id],
    );
    const before = await centerFigures(ws, 2024);
    expect((await job(id, version, { viaPlacement: true })).data!.recordEmployment.stage).toBe("EMPLOYED");
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, employed: before.employed + 1, placed: before.placed + 1 });
  });

  it("under 30 hours: recorded, the stage and figures unchanged, no event", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    const before = await centerFigures(ws, 2024);
    const response = await job(id, version, { weeklyHours: 20 });
    expect(response.data!.recordEmployment).toMatchObject({ stage: "JOB_SEEKING", version });
    expect(
      await ws.system.sql("job-centers", "SELECT weekly_hours, employed_on::text FROM short_hours_job WHERE participant_id = $1", [id]),
    ).toEqual([{ weekly_hours: 20, employed_on: "2024-02-01" }]);
    expect((await contract(ws.system, "Participant360", { id }, ws.tokens.counselor)).data!.participant.employment).toBeNull();
    expect(await centerFigures(ws, 2024)).toEqual(before);
    expect(await events(id)).toEqual([]);
  });

  it("refuses bad values, a stale version and an illegal stage, writing nothing", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    for (const [field, change] of [
      ["weeklyHours", { weeklyHours: 69 }],
      ["weeklyHours", { weeklyHours: 0 }],
      ["employerName", { employerName: " " }],
      ["occupation", { occupation: "x".repeat(101) }],
      ["employedOn", { employedOn: "2023-11-19" }],
    ] as const) {
      expect(errorsOf(await job(id, version, change)).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", field]]);
    }
    expect(errorsOf(await job(id, version - 1)).map((e) => e.code)).toEqual(["CONFLICT"]);
    const eligible = await caseAt(ws, "ELIGIBLE");
    expect(transition(await job(eligible.id, eligible.version))).toEqual([["INVALID_TRANSITION", "ELIGIBLE"]]);
    expect(await stageOf(ws, id)).toEqual({ stage: "JOB_SEEKING", version });
    expect(await ws.system.sql("job-centers", "SELECT 1 FROM employment WHERE participant_id = $1", [id])).toEqual([]);
  });
});

describe("startFollowUp (Rule §11) and closeParticipation", () => {
  const followUp = (participantId: string, expectedVersion: number, startedOn: string) =>
    ws.mutate("startFollowUp", { idempotencyKey: key(), participantId, expectedVersion, startedOn });
  const close = (participantId: string, expectedVersion: number, input: Record<string, unknown>) =>
    ws.mutate("closeParticipation", { idempotencyKey: key(), participantId, expectedVersion, ...input });

  it("follow-up only after the service year (1 year from the decision), then closes once 3 months are over", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    expect(errorsOf(await followUp(id, version, "2024-11-19"))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "startedOn",
        message: "startedOn (2024-11-19) is before the end of the service year (Act §15) (2024-11-20).",
      },
    ]);
    expect((await followUp(id, version, "2024-11-20")).data!.startFollowUp).toMatchObject({ stage: "FOLLOW_UP", version: version + 1 });
    expect(errorsOf(await close(id, version + 1, { reason: "FOLLOW_UP_FINISHED", closedOn: "2025-02-19" }))[0].argumentName).toBe(
      "closedOn",
    );
    const closed = await close(id, version + 1, { reason: "FOLLOW_UP_FINISHED", closedOn: "2025-02-20" });
    expect(closed.data!.closeParticipation).toMatchObject({ stage: "CLOSED", version: version + 2 });
    expect(await ws.system.sql("job-centers", "SELECT closed_on::text, exit_reason FROM participant WHERE id = $1", [id])).toEqual([
      { closed_on: "2025-02-20", exit_reason: "FOLLOW_UP_FINISHED" },
    ]);
    expect(await events(id)).toEqual([{ type: "ParticipantClosed", payload: { closedOn: "2025-02-20", reason: "FOLLOW_UP_FINISHED" } }]);
    const again = await close(id, version + 2, { reason: "WITHDREW", closedOn: "2025-03-01" });
    expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.allowedStages])).toEqual([["INVALID_TRANSITION", []]]);
  });

  it("startFollowUp from anything but JOB_SEEKING is INVALID_TRANSITION", async () => {
    const { id, version } = await caseAt(ws, "PLANNING");
    expect(transition(await followUp(id, version, "2024-12-01"))).toEqual([["INVALID_TRANSITION", "PLANNING"]]);
  });

  it("each exit reason closes from its own stages: EMPLOYED_ENDED from EMPLOYED only, INELIGIBLE not from APPLIED", async () => {
    const seeking = await caseAt(ws, "JOB_SEEKING");
    expect(transition(await close(seeking.id, seeking.version, { reason: "EMPLOYED_ENDED", closedOn: "2024-03-01" }))).toEqual([
      ["INVALID_TRANSITION", "JOB_SEEKING"],
    ]);
    expect(transition(await close(seeking.id, seeking.version, { reason: "FOLLOW_UP_FINISHED", closedOn: "2024-03-01" }))).toEqual([
      ["INVALID_TRANSITION", "JOB_SEEKING"],
    ]);
    const applied = await caseAt(ws, "APPLIED");
    expect(transition(await close(applied.id, 1, { reason: "INELIGIBLE", closedOn: "2023-11-10" }))).toEqual([
      ["INVALID_TRANSITION", "APPLIED"],
    ]);
    expect((await close(applied.id, 1, { reason: "WITHDREW", closedOn: "2023-11-10" })).data!.closeParticipation.stage).toBe("CLOSED");
    await job(seeking.id, seeking.version);
    const ended = await close(seeking.id, seeking.version + 1, { reason: "EMPLOYED_ENDED", closedOn: "2024-02-01" });
    expect(ended.data!.closeParticipation.stage).toBe("CLOSED");
  });

  it("OTHER needs a note; a closing date before the application or in the future is refused; a stale version is a CONFLICT", async () => {
    const { id, version } = await caseAt(ws, "ELIGIBLE");
    expect(errorsOf(await close(id, version, { reason: "OTHER", closedOn: "2023-12-01" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "note", message: "The reason OTHER needs a note saying what happened." },
    ]);
    expect(errorsOf(await close(id, version, { reason: "WITHDREW", closedOn: "2023-10-31" }))[0].argumentName).toBe("closedOn");
    expect(errorsOf(await close(id, version, { reason: "WITHDREW", closedOn: "2099-01-01" }))[0].argumentName).toBe("closedOn");
    expect(errorsOf(await close(id, version - 1, { reason: "WITHDREW", closedOn: "2023-12-01" })).map((e) => e.code)).toEqual(["CONFLICT"]);
    expect(await stageOf(ws, id)).toEqual({ stage: "ELIGIBLE", version });
    const other = await close(id, version, { reason: "OTHER", closedOn: "2023-12-01", note: "해외 이주" });
    expect(other.data!.closeParticipation.stage).toBe("CLOSED");
    expect(await ws.system.sql("job-centers", "SELECT exit_note FROM participant WHERE id = $1", [id])).toEqual([
      { exit_note: "해외 이주" },
    ]);
  });
});

describe("deferParticipation and resumeParticipation (유예, at most 2 years)", () => {
  const defer = (participantId: string, expectedVersion: number, input: Record<string, unknown>) =>
    ws.mutate("deferParticipation", { idempotencyKey: key(), participantId, expectedVersion, ...input });
  const resume = (participantId: string, expectedVersion: number, resumedOn: string) =>
    ws.mutate("resumeParticipation", { idempotencyKey: key(), participantId, expectedVersion, resumedOn });

  it("defers from PLANNING and resumes to PLANNING; the allowance is not paid meanwhile", async () => {
    const { id, version } = await caseAt(ws, "PLANNING");
    const deferred = await defer(id, version, { deferredOn: "2023-12-01", resumesOn: "2024-06-01" });
    expect(deferred.data!.deferParticipation).toMatchObject({ stage: "DEFERRED", version: version + 1 });
    expect(
      await ws.system.sql("job-centers", "SELECT previous_stage, deferred_on::text, resumes_on::text FROM participant WHERE id = $1", [id]),
    ).toEqual([{ previous_stage: "PLANNING", deferred_on: "2023-12-01", resumes_on: "2024-06-01" }]);
    const resumed = await resume(id, version + 1, "2024-05-01");
    expect(resumed.data!.resumeParticipation).toMatchObject({ stage: "PLANNING", version: version + 2 });
  });

  it("a deferred job seeker gets no allowance, and is back in JOB_SEEKING after the return", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    await defer(id, version, { deferredOn: "2023-12-10", resumesOn: "2024-03-01" });
    const pay = { idempotencyKey: key(), participantId: id, month: "2023-12", dependants: 0, paidOn: "2024-01-10" };
    expect(transition(await ws.mutate("payAllowance", pay))).toEqual([["INVALID_TRANSITION", "DEFERRED"]]);
    expect((await resume(id, version + 1, "2024-03-01")).data!.resumeParticipation.stage).toBe("JOB_SEEKING");
  });

  it("resumesOn at most 2 years on; a return past 2 years is refused, and the case closes as DEFERRAL_EXPIRED", async () => {
    const { id, version } = await caseAt(ws, "ELIGIBLE");
    expect(errorsOf(await defer(id, version, { deferredOn: "2023-12-01", resumesOn: "2025-12-02" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "resumesOn",
        message: "resumesOn (2025-12-02) must be after 2023-12-01 and at most 2 years later (2025-12-01).",
      },
    ]);
    expect(errorsOf(await defer(id, version, { deferredOn: "2023-12-01", resumesOn: "2023-12-01" }))[0].argumentName).toBe("resumesOn");
    expect((await defer(id, version, { deferredOn: "2023-12-01", resumesOn: "2025-12-01" })).data!.deferParticipation.stage).toBe(
      "DEFERRED",
    );
    expect(errorsOf(await resume(id, version + 1, "2025-12-02"))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "resumedOn",
        message: "The deferral began on 2023-12-01 and its 2 years ended on 2025-12-01: close the case (DEFERRAL_EXPIRED) instead.",
      },
    ]);
    expect(await stageOf(ws, id)).toEqual({ stage: "DEFERRED", version: version + 1 });
    const closed = await ws.mutate("closeParticipation", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: version + 1,
      reason: "DEFERRAL_EXPIRED",
      closedOn: "2025-12-02",
    });
    expect(closed.data!.closeParticipation.stage).toBe("CLOSED");
  });

  it("deferral from APPLIED, EMPLOYED or DEFERRED, and a return from anything but DEFERRED, are INVALID_TRANSITION", async () => {
    const applied = await caseAt(ws, "APPLIED");
    expect(transition(await defer(applied.id, 1, { deferredOn: "2023-12-01", resumesOn: "2024-01-01" }))).toEqual([
      ["INVALID_TRANSITION", "APPLIED"],
    ]);
    expect(transition(await resume(applied.id, 1, "2023-12-01"))).toEqual([["INVALID_TRANSITION", "APPLIED"]]);
    const { id, version } = await caseAt(ws, "ELIGIBLE");
    await defer(id, version, { deferredOn: "2023-12-01", resumesOn: "2024-01-01" });
    expect(transition(await defer(id, version + 1, { deferredOn: "2023-12-02", resumesOn: "2024-01-01" }))).toEqual([
      ["INVALID_TRANSITION", "DEFERRED"],
    ]);
  });
});
