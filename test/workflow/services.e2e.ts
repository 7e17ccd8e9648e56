import { contract } from "../support/system";
import { caseAt, centerFigures } from "./case-steps";
import { errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * The services of the IAP through the gateway: job-search activities (Decree §8), placement referrals and their
 * results (Act §12, §15), work-experience hosts and stays (일경험, 4–13 weeks at a host of the participant's center).
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_services");
}, 120_000);
afterAll(() => ws?.system.stop());

const transition = (response: Awaited<ReturnType<WorkflowSystem["mutate"]>>) =>
  response.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage]);
const fields = (response: Awaited<ReturnType<WorkflowSystem["mutate"]>>) => errorsOf(response).map((e) => [e.code, e.argumentName]);

describe("recordJobSearchActivity (Decree §8)", () => {
  const activity = (participantId: string, input: Record<string, unknown> = {}) =>
    ws.mutate("recordJobSearchActivity", {
      idempotencyKey: key(),
      participantId,
      kind: "APPLICATION_INTERVIEW",
      doneOn: "2023-12-05",
      description: "물류회사 면접",
      ...input,
    });

  it("records each kind of activity while JOB_SEEKING, logged as a write", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const response = await activity(id);
    expect(response.errors).toBeUndefined();
    expect(response.data!.recordJobSearchActivity).toMatchObject({
      kind: "APPLICATION_INTERVIEW",
      doneOn: "2023-12-05",
      description: "물류회사 면접",
    });
    for (const kind of [
      "TRAINING",
      "WORK_EXPERIENCE",
      "VOCATIONAL_GUIDANCE",
      "WELFARE_LINKAGE",
      "COMMUNITY_SERVICE",
      "STARTUP_PREPARATION",
      "PROFESSIONAL_DEVELOPMENT",
      "OTHER",
    ]) {
      expect((await activity(id, { kind })).errors).toBeUndefined();
    }
    expect(
      await ws.system.sql("job-centers", "SELECT count(*)::int AS n FROM job_search_activity WHERE participant_id = $1", [id]),
    ).toEqual([{ n: 9 }]);
    const logged = await ws.system.sql(
      "job-centers",
      "SELECT count(*)::int AS n FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids)",
      [id],
    );
    expect(logged).toEqual([{ n: 4 + 9 }]);
  });

  it("refuses a bad kind, a day before the plan or in the future, an empty description; and any stage but JOB_SEEKING", async () => {
    const { id } = await caseAt(ws, "JOB_SEEKING");
    expect(errorsOf(await activity(id, { doneOn: "2023-11-30" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "doneOn", message: "doneOn (2023-11-30) is before the action plan (2023-12-01)." },
    ]);
    expect(fields(await activity(id, { doneOn: "2099-01-01" }))).toEqual([["BAD_USER_INPUT", "doneOn"]]);
    expect(fields(await activity(id, { description: " " }))).toEqual([["BAD_USER_INPUT", "description"]]);
    expect(errorsOf(await activity(id, { kind: "SLEEPING" }))[0].code).toBe("BAD_USER_INPUT");
    const planning = await caseAt(ws, "PLANNING");
    expect(transition(await activity(planning.id))).toEqual([["INVALID_TRANSITION", "PLANNING"]]);
    expect(
      await ws.system.sql("job-centers", "SELECT 1 FROM job_search_activity WHERE participant_id = ANY($1::uuid[])", [[id, planning.id]]),
    ).toEqual([]);
  });
});

describe("recordPlacement and recordPlacementResult", () => {
  const place = (participantId: string, input: Record<string, unknown> = {}) =>
    ws.mutate("recordPlacement", {
      idempotencyKey: key(),
      participantId,
      referredOn: "2024-01-10",
      employerName: "한빛물류",
      occupation: "물류 사무원",
      ...input,
    });
  const result = (placementId: string, input: Record<string, unknown> = {}, token?: string) =>
    ws.mutate("recordPlacementResult", { idempotencyKey: key(), placementId, result: "HIRED", resultOn: "2024-01-20", ...input }, token);

  it("a referral after the IAP is PENDING; HIRED once; then a job through it counts as placed; Participant360 shows it", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    const referral = await place(id);
    expect(referral.errors).toBeUndefined();
    const placementId = referral.data!.recordPlacement.id as string;
    expect(referral.data!.recordPlacement).toEqual({
      id: placementId,
      referredOn: "2024-01-10",
      employerName: "한빛물류",
      occupation: "물류 사무원",
      result: "PENDING",
    });
    expect((await result(placementId)).data!.recordPlacementResult.result).toBe("HIRED");
    expect(errorsOf(await result(placementId, { result: "NOT_HIRED" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "placementId",
        message: "The placement's result is already HIRED; a result is recorded once.",
      },
    ]);
    const view = await contract(ws.system, "Participant360", { id }, ws.tokens.counselor);
    expect(view.data!.participant.placements).toEqual([
      { id: placementId, referredOn: "2024-01-10", employerName: "한빛물류", occupation: "물류 사무원", result: "HIRED" },
    ]);
    const before = await centerFigures(ws, 2024);
    const employed = await ws.mutate("recordEmployment", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: version,
      employedOn: "2024-02-01",
      employerName: "한빛물류",
      occupation: "물류 사무원",
      weeklyHours: 40,
      viaPlacement: true,
    });
    expect(employed.data!.recordEmployment.stage).toBe("EMPLOYED");
    expect(await centerFigures(ws, 2024)).toEqual({ ...before, employed: before.employed + 1, placed: before.placed + 1 });
  });

  it("refuses a referral before the IAP, bad values, a PENDING result, a result before the referral, an unknown placement", async () => {
    const planning = await caseAt(ws, "PLANNING");
    expect(transition(await place(planning.id))).toEqual([["INVALID_TRANSITION", "PLANNING"]]);
    const { id } = await caseAt(ws, "JOB_SEEKING");
    expect(errorsOf(await place(id, { referredOn: "2023-11-30" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "referredOn", message: "referredOn (2023-11-30) is before the action plan (2023-12-01)." },
    ]);
    expect(fields(await place(id, { employerName: "" }))).toEqual([["BAD_USER_INPUT", "employerName"]]);
    expect(fields(await place(id, { occupation: "x".repeat(101) }))).toEqual([["BAD_USER_INPUT", "occupation"]]);
    const placementId = (await place(id)).data!.recordPlacement.id as string;
    expect(fields(await result(placementId, { result: "PENDING" }))).toEqual([["BAD_USER_INPUT", "result"]]);
    expect(fields(await result(placementId, { resultOn: "2024-01-09" }))).toEqual([["BAD_USER_INPUT", "resultOn"]]);
    expect(fields(await result("999999999"))).toEqual([["BAD_USER_INPUT", "placementId"]]);
    expect(fields(await result(placementId, {}, ws.tokens.otherCenter))).toEqual([["BAD_USER_INPUT", "placementId"]]);
    expect(errorsOf(await result(placementId, {}, ws.tokens.colleague)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    expect(await ws.system.sql("job-centers", "SELECT result FROM placement WHERE participant_id = $1", [id])).toEqual([
      { result: "PENDING" },
    ]);
    expect((await result(placementId, { result: "WITHDRAWN" })).data!.recordPlacementResult.result).toBe("WITHDRAWN");
  });
});

describe("signUpWorkExperienceHost and recordWorkExperience (일경험)", () => {
  const signUp = (input: Record<string, unknown> = {}, token?: string) =>
    ws.mutate("signUpWorkExperienceHost", { idempotencyKey: key(), name: "새봄제과", signedUpOn: "2023-10-02", ...input }, token);
  const stay = (participantId: string, companyId: string, input: Record<string, unknown> = {}) =>
    ws.mutate("recordWorkExperience", {
      idempotencyKey: key(),
      participantId,
      companyId,
      startedOn: "2023-12-04",
      endedOn: "2024-01-29",
      ...input,
    });

  it("a host signed up by the center counts in its companies for the year; a stay there shows in Participant360", async () => {
    const before = await centerFigures(ws, 2023);
    const host = await signUp();
    expect(host.errors).toBeUndefined();
    expect(host.data!.signUpWorkExperienceHost).toMatchObject({ name: "새봄제과", signedUpOn: "2023-10-02" });
    expect(await centerFigures(ws, 2023)).toEqual({ ...before, companies: before.companies + 1 });
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const response = await stay(id, host.data!.signUpWorkExperienceHost.id as string);
    expect(response.data!.recordWorkExperience).toEqual({ companyName: "새봄제과", startedOn: "2023-12-04", endedOn: "2024-01-29" });
    const view = await contract(ws.system, "Participant360", { id }, ws.tokens.counselor);
    expect(view.data!.participant.workExperiences).toEqual([{ companyName: "새봄제과", startedOn: "2023-12-04", endedOn: "2024-01-29" }]);
  });

  it("a stay lasts 4–13 weeks, at a host of the participant's own center, signed up by its start, after the IAP", async () => {
    const hostId = (await signUp({ signedUpOn: "2023-12-10" })).data!.signUpWorkExperienceHost.id as string;
    const elsewhere = (await signUp({}, ws.tokens.otherCenter)).data!.signUpWorkExperienceHost.id as string;
    const { id } = await caseAt(ws, "JOB_SEEKING");
    const span = { startedOn: "2023-12-11" };
    expect(errorsOf(await stay(id, hostId, { ...span, endedOn: "2024-01-07" }))).toEqual([
      { code: "BAD_USER_INPUT", argumentName: "endedOn", message: "A stay lasts 4–13 weeks: endedOn must be 2024-01-08–2024-03-11." },
    ]);
    expect(fields(await stay(id, hostId, { ...span, endedOn: "2024-03-12" }))).toEqual([["BAD_USER_INPUT", "endedOn"]]);
    expect(errorsOf(await stay(id, hostId, { startedOn: "2023-12-09", endedOn: "2024-01-29" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "startedOn",
        message: "startedOn (2023-12-09) is before the company's sign-up (2023-12-10).",
      },
    ]);
    expect(errorsOf(await stay(id, elsewhere, { ...span, endedOn: "2024-01-29" }))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "companyId",
        message: `No host company with id "${elsewhere}" at the participant's employment center.`,
      },
    ]);
    const planning = await caseAt(ws, "PLANNING");
    expect(transition(await stay(planning.id, hostId, { ...span, endedOn: "2024-01-29" }))).toEqual([["INVALID_TRANSITION", "PLANNING"]]);
    expect(await ws.system.sql("job-centers", "SELECT 1 FROM work_experience WHERE participant_id = $1", [id])).toEqual([]);
    expect((await stay(id, hostId, { ...span, endedOn: "2024-01-08" })).errors).toBeUndefined();
  });

  it("a host needs a name and a date from the program's start; only employment-center staff sign one up", async () => {
    const before = await centerFigures(ws, 2023);
    expect(fields(await signUp({ name: " " }))).toEqual([["BAD_USER_INPUT", "name"]]);
    expect(fields(await signUp({ signedUpOn: "2020-12-31" }))).toEqual([["BAD_USER_INPUT", "signedUpOn"]]);
    expect(errorsOf(await signUp({}, ws.tokens.localStaff)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    expect(errorsOf(await signUp({}, ws.tokens.analyst)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    expect(await centerFigures(ws, 2023)).toEqual(before);
  });
});
