import type { GraphQLResponse } from "../support/system";
import { accessCopy, eventually } from "../events/event-fixtures";
import { caseAt } from "./case-steps";
import { errorsOf, key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * A participant's consents change through the graph (giveConsent, withdrawConsent at the employment center, which
 * owns them) and the change reaches the other agencies as a ConsentChanged event. The law: another agency's records
 * are handed over only with the person's consent for that recipient and purpose (PIPA §17, §18), asked item by item
 * (§22), and separately for sensitive data such as a welfare referral's partner (§23); a consent may be withdrawn
 * at any time (§37). "Withdrawn consent takes effect on the next request": at job-centers on the very next request,
 * at another agency on the first request after the event reached it (polled with a deadline, as the events tests do).
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_consent", true);
}, 180_000);
afterAll(() => ws?.system.stop());

const EC = "EMPLOYMENT_CENTER";
const WP = "WELFARE_PARTNER";
const CONSENTS = "consents { viewerKind recordsKind givenAt withdrawnAt }";

function change(mutation: "giveConsent" | "withdrawConsent", input: Record<string, unknown>, token = ws.tokens.counselor) {
  const type = mutation === "giveConsent" ? "GiveConsentInput" : "WithdrawConsentInput";
  return ws.system.query(
    `mutation ChangeConsent($input: ${type}!) { ${mutation}(input: $input) { id version ${CONSENTS} } }`,
    { input },
    undefined,
    token,
  );
}

/** The counsellor reads the referral's partner (welfare records: §23 consent at welfare-partners' copy). */
const partnerSeenByCounselor = (id: string) =>
  ws.system.query(
    `query ($id: ID!) { participant(id: $id) { welfareReferrals { partner { id } } } }`,
    { id },
    undefined,
    ws.tokens.counselor,
  );
/** The partner's staff read the case's plan (employment center records: consent at job-centers itself). */
const planSeenByPartner = (id: string) =>
  ws.system.query(
    `query ($id: ID!) { participant(id: $id) { actionPlan { desiredOccupation } } }`,
    { id },
    undefined,
    ws.tokens.partnerStaff,
  );

const refused = (response: GraphQLResponse) => response.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.extensions?.reason]);
const NO_WELFARE_CONSENT = "the participant has not consented to share welfare partner records with employment center staff";
const NO_CENTER_CONSENT = "the participant has not consented to share employment center records with welfare partner staff";

let id: string;
let version: number;

describe("a person with the separate welfare consent both ways, referred to a partner", () => {
  beforeAll(async () => {
    const consents = [
      { viewerKind: EC, recordsKind: WP },
      { viewerKind: WP, recordsKind: EC },
    ];
    ({ id, version } = await caseAt(ws, "JOB_SEEKING", { consents }));
    // the partner's copy learns of the person (ParticipantApplied) before the referral can be read there
    await eventually(
      () => accessCopy(ws.system, "welfare-partners", id),
      (copy) => copy.consents.length === 2,
    );
    const referral = await ws.system.query(
      `mutation ($input: CreateReferralInput!) { createReferral(input: $input) { id } }`,
      { input: { idempotencyKey: key(), participantId: id, partnerId: String(ws.offices.partner), reasonCategory: "DEBT" } },
      undefined,
      ws.tokens.counselor,
    );
    expect(referral.errors).toBeUndefined();
    // and job-centers learns that the partner now serves the person (ParticipantLinked)
    await eventually(
      () => accessCopy(ws.system, "job-centers", id),
      (copy) => copy.links.length === 2,
    );
  }, 30_000);

  it("both see what the consents cover", async () => {
    expect(await partnerSeenByCounselor(id)).toEqual({
      data: { participant: { welfareReferrals: [{ partner: { id: String(ws.offices.partner) } }] } },
    });
    expect(await planSeenByPartner(id)).toEqual({ data: { participant: { actionPlan: { desiredOccupation: "사무원" } } } });
  });

  it("withdrawConsent (§37): recorded with its time, the version bumped, the event emitted, a WRITE in the access log", async () => {
    const [{ log }] = await ws.system.sql("job-centers", "SELECT coalesce(max(id), 0)::int AS log FROM access_log");
    const response = await change("withdrawConsent", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: version,
      viewerKind: EC,
      recordsKind: WP,
    });
    expect(response.errors).toBeUndefined();
    const rows = await ws.system.sql(
      "job-centers",
      `SELECT viewer_kind, records_kind, to_char(given_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS given,
              to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS withdrawn
       FROM participant_consent WHERE participant_id = $1 ORDER BY given_at, id`,
      [id],
    );
    expect(rows.map((r) => [r.viewer_kind, r.records_kind, r.withdrawn !== null])).toEqual([
      [EC, WP, true],
      [WP, EC, false],
    ]);
    expect(response.data!.withdrawConsent).toEqual({
      id,
      version: version + 1,
      consents: rows.map((r) => ({ viewerKind: r.viewer_kind, recordsKind: r.records_kind, givenAt: r.given, withdrawnAt: r.withdrawn })),
    });
    version += 1;
    const [event] = await ws.system.sql(
      "job-centers",
      "SELECT payload FROM outbox_event WHERE participant_id = $1 AND type = 'ConsentChanged' ORDER BY id",
      [id],
    );
    const [exact] = await ws.system.sql(
      "job-centers",
      `SELECT to_char(given_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS given,
              to_char(withdrawn_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS withdrawn
       FROM participant_consent WHERE participant_id = $1 AND viewer_kind = $2 AND records_kind = $3`,
      [id, EC, WP],
    );
    expect(event.payload).toEqual({ viewerKind: EC, recordsKind: WP, givenAt: exact.given, withdrawnAt: exact.withdrawn });
    expect(
      await ws.system.sql(
        "job-centers",
        "SELECT action, operation_name, user_role, office_id, participant_ids::text[] AS ids FROM access_log WHERE id > $1 AND action = 'WRITE'",
        [log],
      ),
    ).toEqual([{ action: "WRITE", operation_name: "ChangeConsent", user_role: "COUNSELOR", office_id: ws.center.id, ids: [id] }]);
  });

  it("the withdrawn §23 consent: the partner is withheld from the counsellor once the event reached welfare-partners", async () => {
    const answer = await eventually(
      () => partnerSeenByCounselor(id),
      (r) => r.errors !== undefined,
    );
    expect(answer.data).toEqual({ participant: { welfareReferrals: [{ partner: null }] } });
    expect(refused(answer)).toEqual([["FORBIDDEN", "WelfareReferral.partner", NO_WELFARE_CONSENT]]);
    // every other agency's copy follows too
    for (const agency of ["local-job-centers", "saeil-centers", "welfare-partners"] as const) {
      const copy = await eventually(
        () => accessCopy(ws.system, agency, id),
        (c) => c.consents.some((x) => x.withdrawn),
      );
      expect([agency, copy.consents]).toEqual([
        agency,
        [
          { viewer_kind: EC, records_kind: WP, withdrawn: true },
          { viewer_kind: WP, records_kind: EC, withdrawn: false },
        ],
      ]);
    }
  });

  it("withdrawn at job-centers, which owns the records: refused on the very next request, no waiting", async () => {
    const response = await change("withdrawConsent", {
      idempotencyKey: key(),
      participantId: id,
      expectedVersion: version,
      viewerKind: WP,
      recordsKind: EC,
    });
    expect(response.errors).toBeUndefined();
    version += 1;
    const answer = await planSeenByPartner(id);
    expect(answer.data).toEqual({ participant: { actionPlan: null } });
    expect(refused(answer)).toEqual([["FORBIDDEN", "Participant.actionPlan", NO_CENTER_CONSENT]]);
  });

  it("giveConsent (§17, §18, §22): given back, each shows again (job-centers at once, welfare once the event arrives)", async () => {
    for (const [viewerKind, recordsKind] of [
      [WP, EC],
      [EC, WP],
    ]) {
      const response = await change("giveConsent", {
        idempotencyKey: key(),
        participantId: id,
        expectedVersion: version,
        viewerKind,
        recordsKind,
      });
      expect(response.errors).toBeUndefined();
      expect(response.data!.giveConsent.consents.filter((c: any) => c.withdrawnAt === null).length).toBeGreaterThan(0);
      version += 1;
    }
    expect(await planSeenByPartner(id)).toEqual({ data: { participant: { actionPlan: { desiredOccupation: "사무원" } } } });
    const answer = await eventually(
      () => partnerSeenByCounselor(id),
      (r) => r.errors === undefined,
    );
    expect(answer).toEqual({ data: { participant: { welfareReferrals: [{ partner: { id: String(ws.offices.partner) } }] } } });
    const [{ n }] = await ws.system.sql(
      "job-centers",
      "SELECT count(*)::int AS n FROM outbox_event WHERE participant_id = $1 AND type = 'ConsentChanged'",
      [id],
    );
    expect(n).toBe(4);
  });
});

describe("the rules every write follows", () => {
  let person: { id: string; version: number };
  beforeAll(async () => {
    person = await caseAt(ws, "ELIGIBLE", { consents: [] });
  });
  const input = (overrides: Record<string, unknown> = {}) => ({
    idempotencyKey: key(),
    participantId: person.id,
    expectedVersion: person.version,
    viewerKind: "SAEIL_CENTER",
    recordsKind: EC,
    ...overrides,
  });
  const inForce = async () =>
    (
      await ws.system.sql(
        "job-centers",
        "SELECT viewer_kind, records_kind FROM participant_consent WHERE participant_id = $1 AND withdrawn_at IS NULL ORDER BY 1, 2",
        [person.id],
      )
    ).map((r) => `${r.viewer_kind}>${r.records_kind}`);

  it("bad input: BAD_USER_INPUT naming the field, nothing written", async () => {
    expect(errorsOf(await change("giveConsent", input({ recordsKind: "SAEIL_CENTER" })))).toEqual([
      {
        code: "BAD_USER_INPUT",
        argumentName: "recordsKind",
        message: "An agency always sees its own records: recordsKind must be another kind than viewerKind.",
      },
    ]);
    expect(errorsOf(await change("giveConsent", input({ idempotencyKey: "short" })))[0].argumentName).toBe("idempotencyKey");
    expect(await inForce()).toEqual([]);
  });

  it("who: the counsellor in charge or the manager; a colleague is FORBIDDEN, another office finds no such participant", async () => {
    expect(errorsOf(await change("giveConsent", input(), ws.tokens.colleague)).map((e) => e.code)).toEqual(["FORBIDDEN"]);
    for (const token of [ws.tokens.otherCenter, ws.tokens.saeilStaff]) {
      expect(errorsOf(await change("giveConsent", input(), token))).toEqual([
        {
          code: "BAD_USER_INPUT",
          argumentName: "participantId",
          message: `No participant with id "${person.id}" is served by your employment center.`,
        },
      ]);
    }
    const analyst = await change("giveConsent", input(), ws.tokens.analyst);
    expect(refused(analyst)).toEqual([["FORBIDDEN", "Mutation.giveConsent", "requires participant:write"]]);
    expect(await inForce()).toEqual([]);
  });

  it("a retry with the same key writes nothing twice; the same key for other input is refused; a stale version is a CONFLICT", async () => {
    const first = input();
    const once = await change("giveConsent", first, ws.tokens.manager);
    expect(once.errors).toBeUndefined();
    const again = await change("giveConsent", first, ws.tokens.manager);
    expect(again.data!.giveConsent.version).toBe(person.version + 1);
    expect(await inForce()).toEqual(["SAEIL_CENTER>EMPLOYMENT_CENTER"]);
    expect(errorsOf(await change("giveConsent", { ...first, recordsKind: WP }, ws.tokens.manager)).map((e) => e.code)).toEqual([
      "IDEMPOTENCY_KEY_REUSED",
    ]);
    const stale = await change("withdrawConsent", input(), ws.tokens.manager);
    expect(stale.errors?.map((e) => [e.extensions?.code, e.extensions?.currentVersion])).toEqual([["CONFLICT", person.version + 1]]);
    person.version += 1;
  });

  it("a consent is given once and withdrawn once: INVALID_TRANSITION otherwise", async () => {
    const given = await change("giveConsent", input());
    expect(given.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage, e.extensions?.allowedStages])).toEqual([
      ["INVALID_TRANSITION", "GIVEN", ["WITHDRAWN"]],
    ]);
    const never = await change("withdrawConsent", input({ viewerKind: "LOCAL_JOB_CENTER" }));
    expect(never.errors?.map((e) => [e.extensions?.code, e.extensions?.currentStage, e.extensions?.allowedStages])).toEqual([
      ["INVALID_TRANSITION", "NOT_GIVEN", ["GIVEN"]],
    ]);
    expect(await inForce()).toEqual(["SAEIL_CENTER>EMPLOYMENT_CENTER"]);
  });
});
