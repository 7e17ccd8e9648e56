import { contract, type GraphQLResponse } from "../support/system";
import { errorsOf, highWaterMarks, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * A Saeil center's work through the gateway: a course opened, a participant enrolled (asked of job-centers, the
 * owner), the course completed or dropped, an internship recorded; the effect on Participant360 and the figures, who
 * may write, and each rule.
 */
let ws: WorkflowSystem;
let participantId: string;
let marks: { event: number; log: number };
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_saeil");
  // a person of the workflow center whose consent lets the center read Saeil records (as seeded)
  const [row] = await ws.system.sql<{ id: string }>(
    "saeil-centers",
    `SELECT l.participant_id AS id FROM participant_link l
     WHERE l.office_kind = 'EMPLOYMENT_CENTER' AND l.office_id = $1
       AND EXISTS (SELECT 1 FROM participant_consent c WHERE c.participant_id = l.participant_id AND c.viewer_kind = 'EMPLOYMENT_CENTER'
                   AND c.records_kind = 'SAEIL_CENTER' AND c.withdrawn_at IS NULL)
     ORDER BY l.participant_id LIMIT 1`,
    [ws.center.id],
  );
  participantId = row.id;
  marks = await highWaterMarks(ws, "saeil-centers");
}, 180_000);
afterAll(() => ws?.system.stop());

const ENROLLMENT = "id status enrolledOn completedOn droppedOn version";

function write(
  mutation: string,
  input: Record<string, unknown>,
  fields = ENROLLMENT,
  token = ws.tokens.saeilStaff,
): Promise<GraphQLResponse> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return ws.system.query(`mutation ($input: ${type}!) { ${mutation}(input: $input) { ${fields} } }`, { input }, undefined, token);
}

const course = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey: key(),
  title: "돌봄 전문인력 양성과정",
  field: "돌봄",
  hours: 120,
  startsOn: "2023-09-04",
  ...overrides,
});

const figures = async (year: number) =>
  (
    await ws.system.sql("saeil-centers", "SELECT enrolled, completed FROM saeil_center_year_figures WHERE center_id = $1 AND year = $2", [
      ws.offices.saeil,
      year,
    ])
  )[0] ?? { enrolled: 0, completed: 0 };

const newCourse = async () => (await write("createCourse", course(), "id")).data!.createCourse.id as string;
const enroll = async (courseId: string, enrolledOn = "2023-09-01") => {
  const response = await write("enrollInCourse", { idempotencyKey: key(), participantId, courseId, enrolledOn });
  expect(response.errors).toBeUndefined();
  return response.data!.enrollInCourse as { id: string; version: number };
};

describe("from a course opened to a course completed", () => {
  let courseId: string;
  let enrollmentId: string;

  it("createCourse: the course of your center", async () => {
    const response = await write("createCourse", course(), "id title field hours startsOn");
    expect(response.errors).toBeUndefined();
    courseId = response.data!.createCourse.id;
    expect(response.data!.createCourse).toEqual({
      id: courseId,
      title: "돌봄 전문인력 양성과정",
      field: "돌봄",
      hours: 120,
      startsOn: "2023-09-04",
    });
  });

  it("enrollInCourse: ENROLLED at version 1; counted at once; Participant360 shows it; the other agencies are told", async () => {
    const before = await figures(2023);
    const enrollment = await enroll(courseId);
    enrollmentId = enrollment.id;
    expect(enrollment).toMatchObject({ status: "ENROLLED", version: 1, enrolledOn: "2023-09-01", completedOn: null });
    expect(await figures(2023)).toEqual({ ...before, enrolled: before.enrolled + 1 });
    const view = await contract(ws.system, "Participant360", { id: participantId }, ws.tokens.manager);
    expect(view.data!.participant.saeilEnrollments).toContainEqual({
      status: "ENROLLED",
      enrolledOn: "2023-09-01",
      completedOn: null,
      course: {
        title: "돌봄 전문인력 양성과정",
        field: "돌봄",
        hours: 120,
        saeilCenter: { id: String(ws.offices.saeil), name: expect.any(String) },
      },
    });
    // the scratch databases keep their outbox and access log across runs (as production keeps them): this run's rows only
    const events = await ws.system.sql(
      "saeil-centers",
      "SELECT type, payload FROM outbox_event WHERE participant_id = $1 AND id > $2 ORDER BY id",
      [participantId, marks.event],
    );
    expect(events).toEqual([{ type: "ParticipantLinked", payload: { officeKind: "SAEIL_CENTER", officeId: ws.offices.saeil } }]);
  });

  it("completeEnrollment: COMPLETED at version 2, counted as completed at once", async () => {
    const before = await figures(2023);
    const response = await write("completeEnrollment", {
      idempotencyKey: key(),
      enrollmentId,
      expectedVersion: 1,
      completedOn: "2023-11-30",
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.completeEnrollment).toMatchObject({ status: "COMPLETED", version: 2, completedOn: "2023-11-30" });
    expect(await figures(2023)).toEqual({ ...before, completed: before.completed + 1 });
  });

  it("dropEnrollment: DROPPED with its date; recordInternship: the internship at a company", async () => {
    const dropped = await enroll(courseId, "2023-09-02");
    const response = await write("dropEnrollment", {
      idempotencyKey: key(),
      enrollmentId: dropped.id,
      expectedVersion: 1,
      droppedOn: "2023-10-01",
    });
    expect(response.data!.dropEnrollment).toMatchObject({ status: "DROPPED", version: 2, droppedOn: "2023-10-01" });
    const internship = await write(
      "recordInternship",
      { idempotencyKey: key(), participantId, company: "새일상사", startsOn: "2023-12-01", endsOn: "2024-02-29" },
      "company startsOn endsOn",
    );
    expect(internship.data!.recordInternship).toEqual({ company: "새일상사", startsOn: "2023-12-01", endsOn: "2024-02-29" });
  });

  it("logged each write about the person in the Saeil centers' access log", async () => {
    const rows = await ws.system.sql(
      "saeil-centers",
      "SELECT user_role FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids) AND id > $2",
      [participantId, marks.log],
    );
    expect(rows.length).toBe(5);
  });
});

describe("the rules each Saeil write follows", () => {
  it.each([
    ["title", "createCourse", course({ title: " " })],
    ["field", "createCourse", course({ field: "x".repeat(41) })],
    ["hours", "createCourse", course({ hours: 0 })],
    ["startsOn", "createCourse", course({ startsOn: "2020-01-01" })],
    ["idempotencyKey", "createCourse", course({ idempotencyKey: "x" })],
    ["company", "recordInternship", { company: "", startsOn: "2023-12-01", endsOn: "2023-12-31" }],
    ["endsOn", "recordInternship", { company: "회사", startsOn: "2023-12-01", endsOn: "2023-11-30" }],
    [
      "participantId",
      "recordInternship",
      { participantId: "00000000-0000-4000-8000-000000000000", company: "회사", startsOn: "2023-12-01", endsOn: "2023-12-31" },
    ],
  ])("a bad %s in %s is BAD_USER_INPUT naming it", async (field, mutation, input) => {
    const response = await write(
      mutation,
      { idempotencyKey: key(), ...(mutation === "createCourse" ? {} : { participantId }), ...input },
      mutation === "createCourse" ? "id" : "company",
    );
    expect(errorsOf(response).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", field]]);
  });

  it("enrollInCourse: an unknown participant, another center's course, twice in one course, a bad date", async () => {
    const courseId = await newCourse();
    const codes = async (input: Record<string, unknown>, token = ws.tokens.saeilStaff) =>
      errorsOf(
        await write(
          "enrollInCourse",
          { idempotencyKey: key(), participantId, courseId, enrolledOn: "2023-09-01", ...input },
          ENROLLMENT,
          token,
        ),
      ).map((e) => [e.code, e.argumentName]);
    expect(await codes({ participantId: "00000000-0000-4000-8000-000000000000" })).toEqual([["BAD_USER_INPUT", "participantId"]]);
    expect(await codes({ courseId: "999999" })).toEqual([["BAD_USER_INPUT", "courseId"]]);
    expect(await codes({ enrolledOn: "2999-01-01" })).toEqual([["BAD_USER_INPUT", "enrolledOn"]]);
    await enroll(courseId);
    expect(await codes({})).toEqual([["BAD_USER_INPUT", "participantId"]]);
  });

  it("an illegal status change is INVALID_TRANSITION; a stale version CONFLICT; a date before the enrollment BAD_USER_INPUT", async () => {
    const enrollment = await enroll(await newCourse(), "2023-09-05");
    const close = (mutation: string, input: Record<string, unknown>) =>
      write(mutation, { idempotencyKey: key(), enrollmentId: enrollment.id, expectedVersion: 1, ...input });
    expect(errorsOf(await close("completeEnrollment", { expectedVersion: 4 })).map((e) => e.code)).toEqual(["CONFLICT"]);
    expect(errorsOf(await close("completeEnrollment", { completedOn: "2023-09-04" })).map((e) => [e.code, e.argumentName])).toEqual([
      ["BAD_USER_INPUT", "completedOn"],
    ]);
    expect((await close("dropEnrollment", { droppedOn: "2023-09-20" })).data!.dropEnrollment.status).toBe("DROPPED");
    const again = await close("completeEnrollment", { expectedVersion: 2, completedOn: "2023-09-21" });
    expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage, e.extensions?.allowedStages, e.message])).toEqual([
      [
        "INVALID_TRANSITION",
        "DROPPED",
        [],
        "completeEnrollment is not possible while the enrollment is DROPPED. From DROPPED the enrollment may go to: none: the enrollment is closed.",
      ],
    ]);
  });

  it("only a Saeil center's own staff write; another center's staff do not find its enrollments", async () => {
    for (const token of [ws.tokens.counselor, ws.tokens.localStaff, ws.tokens.partnerStaff, ws.tokens.analyst]) {
      const response = await write("createCourse", course(), "id", token);
      expect([response.data?.createCourse ?? null, errorsOf(response).map((e) => e.code)]).toEqual([null, ["FORBIDDEN"]]);
    }
    const enrollment = await enroll(await newCourse(), "2023-09-06");
    const other = await ws.system.sql<{ id: number }>("saeil-centers", "SELECT id FROM saeil_center WHERE id <> $1 LIMIT 1", [
      ws.offices.saeil,
    ]);
    const { tokenFor } = await import("../support/test-auth");
    const otherStaff = await tokenFor("SAEIL_STAFF", other[0].id, "saeil-other-workflow");
    const response = await write(
      "completeEnrollment",
      { idempotencyKey: key(), enrollmentId: enrollment.id, expectedVersion: 1 },
      ENROLLMENT,
      otherStaff,
    );
    expect(errorsOf(response).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", "enrollmentId"]]);
  });

  it("a retry with the same key enrolls once and answers the same", async () => {
    const courseId = await newCourse();
    const input = { idempotencyKey: key(), participantId, courseId, enrolledOn: "2023-09-01" };
    const [first, again] = [await write("enrollInCourse", input), await write("enrollInCourse", input)];
    expect([again.errors, again.data!.enrollInCourse.id]).toEqual([undefined, first.data!.enrollInCourse.id]);
    const rows = await ws.system.sql("saeil-centers", "SELECT count(*)::int AS n FROM saeil_enrollment WHERE course_id = $1", [
      Number(courseId),
    ]);
    expect(rows).toEqual([{ n: 1 }]);
  });
});
