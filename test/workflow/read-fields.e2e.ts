import type { GraphQLResponse } from "../support/system";
import { accessCopy, eventually } from "../events/event-fixtures";
import { caseAt, stageOf } from "./case-steps";
import { key, startWorkflowSystem, type WorkflowSystem } from "./workflow-system";

/**
 * What the program's writes record can be read back through the graph: each new field written through the gateway,
 * then read exactly, and who may read it — the owner office sees it, an office serving the person without their
 * consent gets null with FORBIDDEN (PIPA §17, §18), an office with no relationship does not see the person, and a
 * ministry role never does. The events run (service to service), so the other agencies' notices and the employment
 * center's record of where the person was found arrive as in production.
 */
let ws: WorkflowSystem;
beforeAll(async () => {
  ws = await startWorkflowSystem("workflow_read_fields", true);
}, 180_000);
afterAll(() => ws?.system.stop());

function write(mutation: string, input: Record<string, unknown>, token = ws.tokens.counselor, fields = "id"): Promise<GraphQLResponse> {
  const type = `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`;
  return ws.system.query(`mutation ($input: ${type}!) { ${mutation}(input: $input) { ${fields} } }`, { input }, undefined, token);
}
async function written(mutation: string, input: Record<string, unknown>, token = ws.tokens.counselor, fields = "id") {
  const response = await write(mutation, { idempotencyKey: key(), ...input }, token, fields);
  if (response.errors) throw new Error(`${mutation}: ${JSON.stringify(response.errors)}`);
  return response.data![mutation] as Record<string, any>;
}
const versioned = async (participantId: string) => ({ participantId, expectedVersion: (await stageOf(ws, participantId)).version });

const READ_BACK = `query ReadBack($id: ID!) { participant(id: $id) {
  jobSearchActivities { id kind doneOn description }
  placements { id result resultOn }
  shortHoursJobs { employedOn employerName occupation weeklyHours viaPlacement }
  deferral { deferredOn resumesOn resumesToStage }
  closure { closedOn reason note }
  followUp { startedOn endsOn }
  rejectionReason lateDecisionReason
  source { localJobCenter { id name } outreachId discoveredOn }
  saeilInternships { id company startsOn endsOn saeilCenter { id } }
  saeilEnrollments { id participantEmployedOn participantClosedOn }
  welfareReferrals { id participantEmployedOn participantClosedOn }
} }`;
const readBack = (id: string, token: string | null = ws.tokens.manager) => ws.system.query(READ_BACK, { id }, "ReadBack", token);

/** A case taken from its application to its end through the other three agencies too. */
const a = { id: "", activity: "", placement: "", outreach: "", course: "", enrollment: "", internship: "", referral: "" };

describe("one case, written through every agency, read back whole", () => {
  beforeAll(async () => {
    // the center may read the Saeil centers' records (and nothing else of the others'); nobody may read the center's
    ({ id: a.id } = await caseAt(ws, "JOB_SEEKING", { consents: [{ viewerKind: "EMPLOYMENT_CENTER", recordsKind: "SAEIL_CENTER" }] }));
    a.activity = (
      await written("recordJobSearchActivity", {
        participantId: a.id,
        kind: "APPLICATION_INTERVIEW",
        doneOn: "2023-12-05",
        description: "물류회사 면접",
      })
    ).id;
    a.placement = (
      await written("recordPlacement", {
        participantId: a.id,
        referredOn: "2023-12-06",
        employerName: "한빛물류",
        occupation: "물류 사무원",
      })
    ).id;
    await written("recordPlacementResult", { placementId: a.placement, result: "HIRED", resultOn: "2023-12-20" });
    await written(
      "recordEmployment",
      {
        ...(await versioned(a.id)),
        employedOn: "2023-12-10",
        employerName: "새벽편의점",
        occupation: "판매원",
        weeklyHours: 20,
        viaPlacement: false,
      },
      undefined,
      "id",
    );
    // the other agencies take the person on (each asks job-centers first)
    a.outreach = (await written("recordOutreach", { channel: "WELFARE_OFFICE", discoveredOn: "2023-10-16" }, ws.tokens.localStaff)).id;
    await written(
      "linkOutreach",
      { outreachId: a.outreach, expectedVersion: 1, participantId: a.id, linkedOn: "2023-11-02" },
      ws.tokens.localStaff,
    );
    a.course = (
      await written("createCourse", { title: "사무행정 실무", field: "사무행정", hours: 80, startsOn: "2023-11-06" }, ws.tokens.saeilStaff)
    ).id;
    a.enrollment = (
      await written("enrollInCourse", { participantId: a.id, courseId: a.course, enrolledOn: "2023-11-06" }, ws.tokens.saeilStaff)
    ).id;
    a.internship = (
      await written(
        "recordInternship",
        { participantId: a.id, company: "새일상사", startsOn: "2023-12-11", endsOn: "2024-02-29" },
        ws.tokens.saeilStaff,
      )
    ).id;
    a.referral = (
      await written("createReferral", {
        participantId: a.id,
        partnerId: String(ws.offices.partner),
        reasonCategory: "DEBT",
        referredOn: "2023-12-07",
      })
    ).id;
    // a deferral and the return, then the job that ends support and the closure: the other agencies are told
    await written("deferParticipation", { ...(await versioned(a.id)), deferredOn: "2024-01-10", resumesOn: "2024-06-30" });
    expect((await readBack(a.id)).data!.participant.deferral).toEqual({
      deferredOn: "2024-01-10",
      resumesOn: "2024-06-30",
      resumesToStage: "JOB_SEEKING",
    });
    await written("resumeParticipation", { ...(await versioned(a.id)), resumedOn: "2024-03-02" });
    await written("recordEmployment", {
      ...(await versioned(a.id)),
      employedOn: "2024-03-15",
      employerName: "한빛물류",
      occupation: "물류 사무원",
      weeklyHours: 40,
      viaPlacement: true,
    });
    await written("closeParticipation", {
      ...(await versioned(a.id)),
      reason: "EMPLOYED_ENDED",
      closedOn: "2024-06-01",
      note: "계약 만료",
    });
    // every agency's copy knows all four offices, and the notices have arrived
    for (const agency of ["job-centers", "local-job-centers", "saeil-centers", "welfare-partners"] as const) {
      await eventually(
        () => accessCopy(ws.system, agency, a.id),
        (copy) => copy.links.length === 4,
      );
    }
    for (const agency of ["saeil-centers", "welfare-partners"] as const) {
      await eventually(
        () => ws.system.sql(agency, "SELECT closed_on FROM participant_notice WHERE participant_id = $1", [a.id]),
        (rows) => rows.length === 1 && rows[0].closed_on !== null,
      );
    }
  }, 60_000);

  /** The case as the databases hold it, in the shape of READ_BACK. */
  async function fromDatabases() {
    const [source] = await ws.system.sql(
      "job-centers",
      "SELECT local_job_center_id AS center, outreach_id, discovered_on::text FROM participant_source WHERE participant_id = $1",
      [a.id],
    );
    const [center] = await ws.system.sql("local-job-centers", "SELECT name FROM local_job_center WHERE id = $1", [source.center]);
    return {
      jobSearchActivities: [{ id: a.activity, kind: "APPLICATION_INTERVIEW", doneOn: "2023-12-05", description: "물류회사 면접" }],
      placements: [{ id: a.placement, result: "HIRED", resultOn: "2023-12-20" }],
      shortHoursJobs: [
        { employedOn: "2023-12-10", employerName: "새벽편의점", occupation: "판매원", weeklyHours: 20, viaPlacement: false },
      ],
      deferral: null,
      closure: { closedOn: "2024-06-01", reason: "EMPLOYED_ENDED", note: "계약 만료" },
      followUp: null,
      rejectionReason: null,
      lateDecisionReason: null,
      source: {
        localJobCenter: { id: String(source.center), name: center.name },
        outreachId: source.outreach_id,
        discoveredOn: source.discovered_on,
      },
      saeilInternships: [
        {
          id: a.internship,
          company: "새일상사",
          startsOn: "2023-12-11",
          endsOn: "2024-02-29",
          saeilCenter: { id: String(ws.offices.saeil) },
        },
      ],
      saeilEnrollments: [{ id: a.enrollment, participantEmployedOn: "2024-03-15", participantClosedOn: "2024-06-01" }],
      welfareReferrals: [{ id: a.referral, participantEmployedOn: "2024-03-15", participantClosedOn: "2024-06-01" }],
    };
  }

  it("the center's manager reads every field exactly; the reads are in the access logs", async () => {
    const whole = await fromDatabases();
    expect(whole.source).toEqual({ localJobCenter: whole.source.localJobCenter, outreachId: a.outreach, discoveredOn: "2023-10-16" });
    const marks = await Promise.all(
      (["job-centers", "saeil-centers", "welfare-partners"] as const).map(
        async (agency) => (await ws.system.sql(agency, "SELECT coalesce(max(id), 0)::int AS n FROM access_log"))[0].n,
      ),
    );
    expect(await readBack(a.id)).toEqual({ data: { participant: whole } });
    for (const [i, agency] of (["job-centers", "saeil-centers", "welfare-partners"] as const).entries()) {
      const rows = await ws.system.sql(
        agency,
        "SELECT action, operation_name, user_role, participant_ids::text[] AS ids FROM access_log WHERE id > $1 AND user_role = 'CENTER_MANAGER'",
        [marks[i]],
      );
      expect([agency, rows]).toEqual([agency, [{ action: "READ", operation_name: "ReadBack", user_role: "CENTER_MANAGER", ids: [a.id] }]]);
    }
  });

  const EC_FIELDS = ["jobSearchActivities", "placements", "shortHoursJobs", "closure", "source"];
  const LABEL: Record<string, string> = { L: "local job center", S: "Saeil center", W: "welfare partner" };
  const noConsent = (records: string, viewer: string) =>
    `the participant has not consented to share ${records} records with ${LABEL[viewer]} staff`;

  /** The manager's answer with `refused` paths null, and the FORBIDDEN errors they must come with. */
  async function withheld(viewer: "L" | "S" | "W", refused: string[]) {
    const participant: Record<string, any> = await fromDatabases();
    const errors = refused.map((path) => {
      const parts = path.split(".");
      const last = parts.pop()!;
      const parent = parts.reduce((value, part) => value[part], participant);
      parent[last] = null;
      const type = parts.length === 0 ? "Participant" : parts[0] === "saeilEnrollments" ? "SaeilEnrollment" : "WelfareReferral";
      const records = last.startsWith("saeil") ? "Saeil center" : "employment center";
      return [
        ["participant", ...path.split(".").map((p) => (/^\d+$/.test(p) ? Number(p) : p))],
        "FORBIDDEN",
        `${type}.${last}`,
        noConsent(records, viewer),
      ];
    });
    return { data: { participant }, errors: errors.sort() };
  }
  const asRefusals = (response: GraphQLResponse) => ({
    data: response.data,
    errors: (response.errors ?? []).map((e) => [e.path, e.extensions?.code, e.extensions?.field, e.extensions?.reason]).sort(),
  });

  it("a colleague of the center reads it all too; another center and other local centers do not see the person", async () => {
    expect(await readBack(a.id, ws.tokens.colleague)).toEqual({ data: { participant: await fromDatabases() } });
    for (const token of [ws.tokens.otherCenter, ws.tokens.otherLocalStaff, ws.tokens.otherPartnerStaff]) {
      expect(await readBack(a.id, token)).toEqual({ data: { participant: null } });
    }
  });

  it("an analyst never reads a person", async () => {
    const response = await readBack(a.id, ws.tokens.analyst);
    expect(response.data).toEqual({ participant: null });
    expect(response.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.extensions?.reason])).toEqual([
      ["FORBIDDEN", "Query.participant", "requires participant:read"],
    ]);
  });

  it("the offices serving the person without their consent: their own records, the center's withheld", async () => {
    const notices = (list: string) => [`${list}.0.participantEmployedOn`, `${list}.0.participantClosedOn`];
    expect(asRefusals(await readBack(a.id, ws.tokens.localStaff))).toEqual(
      await withheld("L", [...EC_FIELDS, "saeilInternships", "saeilEnrollments", ...notices("welfareReferrals")]),
    );
    expect(asRefusals(await readBack(a.id, ws.tokens.saeilStaff))).toEqual(
      await withheld("S", [...EC_FIELDS, ...notices("saeilEnrollments"), ...notices("welfareReferrals")]),
    );
    expect(asRefusals(await readBack(a.id, ws.tokens.partnerStaff))).toEqual(
      await withheld("W", [...EC_FIELDS, "saeilInternships", "saeilEnrollments", ...notices("welfareReferrals")]),
    );
  });

  it("with the person's consent given (giveConsent), the Saeil center reads the center's records and the notices", async () => {
    await written(
      "giveConsent",
      { ...(await versioned(a.id)), viewerKind: "SAEIL_CENTER", recordsKind: "EMPLOYMENT_CENTER" },
      ws.tokens.manager,
    );
    // job-centers' own records at once; the notices at the Saeil center and the partner once ConsentChanged arrives
    const answer = await eventually(
      () => readBack(a.id, ws.tokens.saeilStaff),
      (r) => r.errors === undefined,
    );
    expect(answer).toEqual({ data: { participant: await fromDatabases() } });
  });
});

describe("the follow-up and the eligibility decision", () => {
  /** The agencies' copies know the new person (ParticipantApplied): until then welfare-partners refuses to say anything. */
  const known = (id: string) =>
    Promise.all(
      (["local-job-centers", "saeil-centers", "welfare-partners"] as const).map((agency) =>
        eventually(
          () => accessCopy(ws.system, agency, id),
          (copy) => copy.links.length === 1,
        ),
      ),
    );

  it("startFollowUp: the follow-up's start and its end 3 months later (Rule §11)", async () => {
    const { id, version } = await caseAt(ws, "JOB_SEEKING");
    await written("startFollowUp", { participantId: id, expectedVersion: version, startedOn: "2024-11-25" });
    await known(id);
    const response = await readBack(id);
    expect(response.errors).toBeUndefined();
    expect(response.data!.participant.followUp).toEqual({ startedOn: "2024-11-25", endsOn: "2025-02-25" });
    expect(await readBack(id, ws.tokens.otherCenter)).toEqual({ data: { participant: null } });
  });

  it("decideEligibility: a rejection's reason, and why it came late (Act §10)", async () => {
    const { id } = await caseAt(ws, "APPLIED");
    await written("decideEligibility", {
      participantId: id,
      expectedVersion: 1,
      eligible: false,
      rejectionReason: "소득 요건 초과",
      decidedOn: "2023-12-15",
      lateReason: "서류 보완 대기",
    });
    await known(id);
    const response = await readBack(id, ws.tokens.colleague);
    expect(response.errors).toBeUndefined();
    expect([
      response.data!.participant.rejectionReason,
      response.data!.participant.lateDecisionReason,
      response.data!.participant.closure,
    ]).toEqual(["소득 요건 초과", "서류 보완 대기", null]);
  });
});

describe("the offices' own lists: outreach to link, linkage agreements, courses", () => {
  const refusals = (response: GraphQLResponse) =>
    response.errors?.map((e) => [e.extensions?.code, e.extensions?.field, e.extensions?.reason]);

  it("unlinkedOutreach: what the center found and has not linked, for its own staff only", async () => {
    const found = await written("recordOutreach", { channel: "JOB_FAIR", discoveredOn: "2024-05-02" }, ws.tokens.localStaff);
    const query = `query ($id: ID!) { localJobCenter(id: $id) { unlinkedOutreach { id discoveredOn channel linkedOn version } } }`;
    const rows = await ws.system.sql(
      "local-job-centers",
      `SELECT id::text, discovered_on::text AS "discoveredOn", channel, linked_on AS "linkedOn", version FROM outreach
       WHERE local_job_center_id = $1 AND participant_id IS NULL ORDER BY discovered_on, id`,
      [ws.offices.local],
    );
    expect(rows.map((r) => r.id)).toContain(found.id);
    const own = await ws.system.query(query, { id: String(ws.offices.local) }, undefined, ws.tokens.localStaff);
    expect(own).toEqual({ data: { localJobCenter: { unlinkedOutreach: rows } } });
    const other = await ws.system.query(query, { id: String(ws.offices.local) }, undefined, ws.tokens.otherLocalStaff);
    expect([other.data, refusals(other)]).toEqual([
      { localJobCenter: { unlinkedOutreach: null } },
      [["FORBIDDEN", "LocalJobCenter.unlinkedOutreach", "only the center's own staff read the outreach it has not linked"]],
    ]);
    for (const [token, reason] of [
      [ws.tokens.analyst, "requires participant:read"],
      [null, "sign-in required"],
    ] as const) {
      const refused = await ws.system.query(query, { id: String(ws.offices.local) }, undefined, token);
      expect([refused.data, refusals(refused)]).toEqual([
        { localJobCenter: { unlinkedOutreach: null } },
        [["FORBIDDEN", "LocalJobCenter.unlinkedOutreach", reason]],
      ]);
    }
  });

  it("linkAgreements: each year's agreement with the version a revision needs, for anyone with report:read", async () => {
    await written("setAgreementQuota", { year: 2025, quota: 40, signedOn: "2025-01-10" }, ws.tokens.localStaff, "year");
    const query = `query ($id: ID!) { localJobCenter(id: $id) { linkAgreements { year quota signedOn version } } }`;
    const rows = await ws.system.sql(
      "local-job-centers",
      `SELECT year, quota, signed_on::text AS "signedOn", version FROM link_agreement WHERE local_job_center_id = $1 ORDER BY year`,
      [ws.offices.local],
    );
    expect(rows).toContainEqual({ year: 2025, quota: 40, signedOn: "2025-01-10", version: 1 });
    expect(await ws.system.query(query, { id: String(ws.offices.local) }, undefined, ws.tokens.analyst)).toEqual({
      data: { localJobCenter: { linkAgreements: rows } },
    });
    const anonymous = await ws.system.query(query, { id: String(ws.offices.local) }, undefined, null);
    expect([anonymous.data, refusals(anonymous)]).toEqual([
      { localJobCenter: { linkAgreements: null } },
      [["FORBIDDEN", "LocalJobCenter.linkAgreements", "sign-in required"]],
    ]);
  });

  it("courses: a Saeil center's courses, createCourse's among them, a public directory", async () => {
    const created = await written(
      "createCourse",
      { title: "돌봄 실무", field: "돌봄", hours: 60, startsOn: "2024-04-01" },
      ws.tokens.saeilStaff,
    );
    const rows = await ws.system.sql(
      "saeil-centers",
      `SELECT id::text, title, field, hours, starts_on::text AS "startsOn" FROM saeil_course WHERE saeil_center_id = $1 ORDER BY starts_on, id`,
      [ws.offices.saeil],
    );
    expect(rows.map((r) => r.id)).toContain(created.id);
    const query = `query ($id: ID!) { saeilCenter(id: $id) { courses { id title field hours startsOn } } }`;
    expect(await ws.system.query(query, { id: String(ws.offices.saeil) }, undefined, null)).toEqual({
      data: { saeilCenter: { courses: rows } },
    });
  });
});
