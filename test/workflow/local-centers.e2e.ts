import { contract, type GraphQLResponse } from "../support/system";
import { errorsOf, highWaterMarks, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * A local job center's work through the gateway: a person found before they apply (발굴), linked once they are a
 * participant (asked of job-centers, the owner), the yearly agreement's quota, a special service used; the effect on
 * Participant360 and the center's figures, who may write, and each rule.
 */
let ws: WorkflowSystem;
let participantId: string;
let marks: { event: number; log: number };
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_local");
  // a person of the workflow center no local center found, whose consent lets the center read local records (as seeded)
  const [row] = await ws.system.sql<{ id: string }>(
    "local-job-centers",
    `SELECT l.participant_id AS id FROM participant_link l
     WHERE l.office_kind = 'EMPLOYMENT_CENTER' AND l.office_id = $1
       AND NOT EXISTS (SELECT 1 FROM outreach o WHERE o.participant_id = l.participant_id)
       AND EXISTS (SELECT 1 FROM participant_consent c WHERE c.participant_id = l.participant_id AND c.viewer_kind = 'EMPLOYMENT_CENTER'
                   AND c.records_kind = 'LOCAL_JOB_CENTER' AND c.withdrawn_at IS NULL)
     ORDER BY l.participant_id LIMIT 1`,
    [ws.center.id],
  );
  participantId = row.id;
  marks = await highWaterMarks(ws, "local-job-centers");
}, 180_000);
afterAll(() => ws?.system.stop());

const OUTREACH = "id discoveredOn channel linkedOn version localJobCenter { id }";

function write(
  mutation: string,
  input: Record<string, unknown>,
  token = ws.tokens.localStaff,
  fields = OUTREACH,
): Promise<GraphQLResponse> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return ws.system.query(`mutation ($input: ${type}!) { ${mutation}(input: $input) { ${fields} } }`, { input }, undefined, token);
}

const figures = async (year: number) =>
  (
    await ws.system.sql(
      "local-job-centers",
      "SELECT discovered, linked FROM local_center_year_figures WHERE center_id = $1 AND year = $2",
      [ws.offices.local, year],
    )
  )[0] ?? { discovered: 0, linked: 0 };

const found = async (discoveredOn = "2023-10-02") => {
  const response = await write("recordOutreach", { idempotencyKey: key(), channel: "DOOR_TO_DOOR", discoveredOn });
  expect(response.errors).toBeUndefined();
  return response.data!.recordOutreach.id as string;
};

describe("from a person found to a participant linked", () => {
  let outreachId: string;

  it("recordOutreach: a person found, no participant yet; the center's discovered figure counts it at once", async () => {
    const before = await figures(2023);
    const response = await write("recordOutreach", { idempotencyKey: key(), channel: "COMMUNITY_CENTER", discoveredOn: "2023-10-02" });
    expect(response.errors).toBeUndefined();
    outreachId = response.data!.recordOutreach.id;
    expect(response.data!.recordOutreach).toEqual({
      id: outreachId,
      discoveredOn: "2023-10-02",
      channel: "COMMUNITY_CENTER",
      linkedOn: null,
      version: 1,
      localJobCenter: { id: String(ws.offices.local) },
    });
    expect(await figures(2023)).toEqual({ ...before, discovered: before.discovered + 1 });
  });

  it("linkOutreach: linked to the participant; Participant360 shows where they were found; events for the other agencies", async () => {
    const before = await figures(2023);
    const response = await write("linkOutreach", {
      idempotencyKey: key(),
      outreachId,
      expectedVersion: 1,
      participantId,
      linkedOn: "2023-10-20",
    });
    expect(response.errors).toBeUndefined();
    expect(response.data!.linkOutreach).toMatchObject({ linkedOn: "2023-10-20", version: 2 });
    expect(await figures(2023)).toEqual({ ...before, linked: before.linked + 1 });
    const view = await contract(ws.system, "Participant360", { id: participantId }, ws.tokens.manager);
    expect(view.data!.participant.outreach).toEqual({
      discoveredOn: "2023-10-02",
      channel: "COMMUNITY_CENTER",
      localJobCenter: { id: String(ws.offices.local), name: expect.any(String) },
    });
    const events = await ws.system.sql(
      "local-job-centers",
      "SELECT type, payload FROM outbox_event WHERE participant_id = $1 AND id > $2 ORDER BY id",
      [participantId, marks.event],
    );
    expect(events).toEqual([
      { type: "ParticipantLinked", payload: { officeKind: "LOCAL_JOB_CENTER", officeId: ws.offices.local } },
      { type: "OutreachLinked", payload: { localJobCenterId: ws.offices.local, outreachId, discoveredOn: "2023-10-02" } },
    ]);
    expect(
      await ws.system.sql(
        "local-job-centers",
        "SELECT user_role, office_id FROM access_log WHERE action = 'WRITE' AND $1 = ANY(participant_ids) AND id > $2",
        [participantId, marks.log],
      ),
    ).toEqual([{ user_role: "LOCAL_CENTER_STAFF", office_id: ws.offices.local }]);
  });

  it("recordLocalServiceUse: Participant360 lists the service used", async () => {
    const response = await write(
      "recordLocalServiceUse",
      { idempotencyKey: key(), participantId, service: "AI_MOCK_INTERVIEW", usedOn: "2023-11-03" },
      ws.tokens.localStaff,
      "service usedOn",
    );
    expect(response.errors).toBeUndefined();
    const view = await contract(ws.system, "Participant360", { id: participantId }, ws.tokens.manager);
    expect(view.data!.participant.localServices).toContainEqual({
      service: "AI_MOCK_INTERVIEW",
      usedOn: "2023-11-03",
      localJobCenter: { id: String(ws.offices.local), name: expect.any(String) },
    });
  });

  it("setAgreementQuota: a new year's agreement, then a revision on its version; the annual stats show the quota", async () => {
    const fields = "year quota signedOn version";
    const first = await write(
      "setAgreementQuota",
      { idempotencyKey: key(), year: 2026, quota: 120, signedOn: "2026-01-05" },
      undefined,
      fields,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.setAgreementQuota).toEqual({ year: 2026, quota: 120, signedOn: "2026-01-05", version: 1 });
    const again = await write("setAgreementQuota", { idempotencyKey: key(), year: 2026, quota: 150 }, undefined, fields);
    expect(errorsOf(again).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", "expectedVersion"]]);
    const stale = await write(
      "setAgreementQuota",
      { idempotencyKey: key(), year: 2026, quota: 150, expectedVersion: 5 },
      undefined,
      fields,
    );
    expect(errorsOf(stale).map((e) => e.code)).toEqual(["CONFLICT"]);
    const revised = await write(
      "setAgreementQuota",
      { idempotencyKey: key(), year: 2026, quota: 150, signedOn: "2026-01-05", expectedVersion: 1 },
      undefined,
      fields,
    );
    expect(revised.data!.setAgreementQuota).toMatchObject({ quota: 150, version: 2 });
    const stats = await ws.system.query(
      `query ($id: ID!) { localJobCenter(id: $id) { annualStats(year: 2026) { agreementQuota } } }`,
      { id: String(ws.offices.local) },
      undefined,
      ws.tokens.localStaff,
    );
    expect(stats.data?.localJobCenter?.annualStats?.agreementQuota).toBe(150);
  });
});

describe("the rules each local write follows", () => {
  it.each([
    ["discoveredOn", "recordOutreach", { channel: "ONLINE", discoveredOn: "2020-12-31" }],
    ["discoveredOn", "recordOutreach", { channel: "ONLINE", discoveredOn: "2999-01-01" }],
    ["idempotencyKey", "recordOutreach", { channel: "ONLINE", idempotencyKey: "x" }],
    [
      "usedOn",
      "recordLocalServiceUse",
      { participantId: "00000000-0000-4000-8000-000000000000", service: "JOB_KIOSK", usedOn: "2999-01-01" },
    ],
    ["participantId", "recordLocalServiceUse", { participantId: "00000000-0000-4000-8000-000000000000", service: "JOB_KIOSK" }],
    ["participantId", "recordLocalServiceUse", { participantId: "nope", service: "JOB_KIOSK" }],
    ["year", "setAgreementQuota", { year: 2019, quota: 10 }],
    ["quota", "setAgreementQuota", { year: 2024, quota: -1 }],
    ["signedOn", "setAgreementQuota", { year: 2024, quota: 10, signedOn: "2999-01-01" }],
  ])("a bad %s in %s is BAD_USER_INPUT naming it", async (field, mutation, input) => {
    const fields = mutation === "recordOutreach" ? "id" : mutation === "setAgreementQuota" ? "quota" : "usedOn";
    const response = await write(mutation, { idempotencyKey: key(), ...input }, ws.tokens.localStaff, fields);
    expect(errorsOf(response).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", field]]);
  });

  it("linkOutreach: an unknown participant, a linked one, another center's outreach, a date before the finding", async () => {
    const outreachId = await found("2023-10-02");
    const linkTo = (input: Record<string, unknown>, token = ws.tokens.localStaff) =>
      write("linkOutreach", { idempotencyKey: key(), outreachId, expectedVersion: 1, participantId, ...input }, token);
    const codes = async (response: Promise<GraphQLResponse>) => errorsOf(await response).map((e) => [e.code, e.argumentName]);
    expect(await codes(linkTo({ participantId: "00000000-0000-4000-8000-000000000000" }))).toEqual([["BAD_USER_INPUT", "participantId"]]);
    // participantId is already linked from the happy path (or linked now for the first time when run alone)
    const [other] = await ws.system.sql<{ id: string }>("job-centers", "SELECT id FROM participant ORDER BY id DESC LIMIT 1");
    expect(await codes(linkTo({ participantId: other.id, linkedOn: "2023-09-30" }))).toEqual([["BAD_USER_INPUT", "linkedOn"]]);
    expect(await codes(linkTo({ participantId: other.id }, ws.tokens.otherLocalStaff))).toEqual([["BAD_USER_INPUT", "outreachId"]]);
    expect(await codes(linkTo({ participantId: other.id, expectedVersion: 3 }))).toEqual([["CONFLICT", undefined]]);
    const linked = await linkTo({ participantId: other.id, linkedOn: "2023-10-10" });
    expect(linked.data!.linkOutreach.version).toBe(2);
    const again = await linkTo({ participantId: other.id, expectedVersion: 2 });
    expect(again.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage, e.extensions?.allowedStages])).toEqual([
      ["INVALID_TRANSITION", "LINKED", []],
    ]);
    const second = await found("2023-10-02");
    const taken = await write("linkOutreach", { idempotencyKey: key(), outreachId: second, expectedVersion: 1, participantId: other.id });
    expect(errorsOf(taken).map((e) => [e.code, e.argumentName])).toEqual([["BAD_USER_INPUT", "participantId"]]);
  });

  it("only a local center's own staff write; others are FORBIDDEN", async () => {
    for (const token of [ws.tokens.counselor, ws.tokens.saeilStaff, ws.tokens.partnerStaff, ws.tokens.analyst]) {
      const response = await write("recordOutreach", { idempotencyKey: key(), channel: "ONLINE" }, token);
      expect([response.data?.recordOutreach ?? null, errorsOf(response).map((e) => e.code)]).toEqual([null, ["FORBIDDEN"]]);
    }
  });

  it("participantExists at job-centers: yes or no for office staff who write, refused to the ministry's roles", async () => {
    const ask = (id: string, token: string) => ws.system.query(`query ($id: ID!) { participantExists(id: $id) }`, { id }, undefined, token);
    expect((await ask(participantId, ws.tokens.saeilStaff)).data).toEqual({ participantExists: true });
    expect((await ask("00000000-0000-4000-8000-000000000000", ws.tokens.localStaff)).data).toEqual({ participantExists: false });
    expect((await ask("nope", ws.tokens.partnerStaff)).data).toEqual({ participantExists: false });
    expect(errorsOf(await ask(participantId, ws.tokens.analyst)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
  });

  it("a retry with the same key records one outreach and answers the same", async () => {
    const count = async () => Number((await ws.system.sql("local-job-centers", "SELECT count(*) AS n FROM outreach"))[0].n);
    const before = await count();
    const input = { idempotencyKey: key(), channel: "WALK_IN", discoveredOn: "2023-05-05" };
    const [first, again] = [await write("recordOutreach", input), await write("recordOutreach", input)];
    expect(again.data!.recordOutreach.id).toBe(first.data!.recordOutreach.id);
    expect(await count()).toBe(before + 1);
  });
});
