import { SignJWT } from "jose";
import { TEST_AUTH, tokenFor } from "./support/test-auth";
import { contract, startSystem, type GraphQLResponse, type TestSystem } from "./support/system";

/** Who may read what, enforced by the gateway before planning and by each subgraph again on its own data. */
let system: TestSystem;
let participantId: string;
/** The participant's counsellor, employment center and a local job center that serves them. */
let counselorId: number;
let centerId: number;
let localCenterId: number;
beforeAll(async () => {
  system = await startSystem();
  // a participant with a welfare referral and a local job center, who consented to every sharing, so that the
  // referral's sensitive detail is in play and only the role decides what is seen
  const [row] = await system.sql(
    "welfare-partners",
    `SELECT r.participant_id, l.office_id AS local FROM welfare_referral r
     JOIN participant_link l ON l.participant_id = r.participant_id AND l.office_kind = 'LOCAL_JOB_CENTER'
     WHERE (SELECT count(DISTINCT c.records_kind) FROM participant_consent c
            WHERE c.participant_id = r.participant_id AND c.viewer_kind = 'EMPLOYMENT_CENTER' AND c.withdrawn_at IS NULL) = 3
     ORDER BY r.id LIMIT 1`,
  );
  participantId = row.participant_id as string;
  localCenterId = row.local as number;
  const [p] = await system.sql("job-centers", "SELECT counselor_id, employment_center_id FROM participant WHERE id = $1", [participantId]);
  counselorId = p.counselor_id as number;
  centerId = p.employment_center_id as number;
});
afterAll(() => system?.stop());

const forbidden = (response: GraphQLResponse) =>
  (response.errors ?? [])
    .filter((e) => e.extensions?.code === "FORBIDDEN")
    .map((e) => ({ path: e.path, field: e.extensions?.field, reason: e.extensions?.reason }));

describe("anonymous callers", () => {
  it("read the public directories", async () => {
    const response = await contract(system, "RegionDirectory", { code: "28" }, null);
    expect(response.errors).toBeUndefined();
    expect(response.data?.region.name).toBe("인천광역시");
  });

  it("read no participant: the field is null with a FORBIDDEN error naming it, and nothing else breaks", async () => {
    const response = await system.query(`{ participant(id: "${participantId}") { name } regions { code } }`, {}, undefined, null);
    expect(response.data?.participant).toBeNull();
    expect(response.data?.regions).toHaveLength(17);
    expect(forbidden(response)).toEqual([{ path: ["participant"], field: "Query.participant", reason: "sign-in required" }]);
  });

  it("read no report and no counsellor's name", async () => {
    const response = await system.query(
      `{ programReport(year: 2022) { year } employmentCenter(id: "21") { name annualStats(year: 2022) { employed } } }`,
      {},
      undefined,
      null,
    );
    expect(response.data).toEqual({ programReport: null, employmentCenter: { name: "인천고용센터", annualStats: null } });
    expect(forbidden(response).map((e) => e.field)).toEqual(["Query.programReport", "EmploymentCenter.annualStats"]);
  });
});

describe("roles", () => {
  it("an analyst reads reports and never a person", async () => {
    const analyst = await tokenFor("ANALYST");
    const report = await contract(system, "ProgramReport", { year: 2022 }, analyst);
    // small counts are suppressed for everyone (test/suppression.e2e.ts); nothing is refused
    expect((report.errors ?? []).filter((e) => e.extensions?.code !== "SUPPRESSED")).toEqual([]);
    expect(report.data?.programReport.regions).toHaveLength(17);
    const person = await contract(system, "Participant360", { id: participantId }, analyst);
    expect(person.data).toEqual({ participant: null });
    expect(forbidden(person)).toEqual([{ path: ["participant"], field: "Query.participant", reason: "requires participant:read" }]);
  });

  it("an auditor reads no person either", async () => {
    const response = await contract(system, "Caseload", { first: 5 }, await tokenFor("AUDITOR"));
    // `participants` is non-null: refusing it nulls the whole answer, as any null in a non-null field does
    expect(response.data).toBeNull();
    expect(forbidden(response)).toEqual([{ path: ["participants"], field: "Query.participants", reason: "requires participant:read" }]);
  });

  it("a local center's staff sees that a referral exists and its status, not the partner (PIPA §23)", async () => {
    const response = await system.query(
      `query($id: ID!) { participant(id: $id) { id welfareReferrals { status partner { kind } } } }`,
      { id: participantId },
      undefined,
      await tokenFor("LOCAL_CENTER_STAFF", localCenterId),
    );
    const [expected] = await system.sql(
      "welfare-partners",
      "SELECT status FROM welfare_referral WHERE participant_id = $1 ORDER BY referred_on, id LIMIT 1",
      [participantId],
    );
    expect(response.data?.participant.id).toBe(participantId);
    expect(response.data?.participant.welfareReferrals[0]).toEqual({ status: expected.status, partner: null });
    expect(forbidden(response)).toEqual([
      { path: ["participant", "welfareReferrals", "partner"], field: "WelfareReferral.partner", reason: "requires welfare:read" },
    ]);
  });

  it("a counsellor sees the whole view", async () => {
    const response = await contract(
      system,
      "Participant360",
      { id: participantId },
      await tokenFor("COUNSELOR", centerId, String(counselorId)),
    );
    expect(response.errors).toBeUndefined();
    expect(response.data?.participant.welfareReferrals[0].partner.kind).toEqual(expect.any(String));
  });
});

describe("tokens", () => {
  const query = (authorization: string) =>
    fetch(system.gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization },
      body: JSON.stringify({ query: "{ regions { code } }" }),
    });
  const secret = new TextEncoder().encode((TEST_AUTH.tokens.keys as { secret: string }).secret);
  const signed = (setup: (jwt: SignJWT) => SignJWT) =>
    setup(
      new SignJWT({ name: "x", role: "ANALYST" })
        .setProtectedHeader({ alg: "HS256" })
        .setSubject("a")
        .setIssuer("njsp")
        .setAudience("njsp-graph"),
    ).sign(secret);

  it.each([
    ["a header that is not Bearer", () => Promise.resolve("Basic dXNlcjpwYXNz"), "MALFORMED"],
    ["a token of another signer", async () => `Bearer ${(await tokenFor("ANALYST")).slice(0, -4)}AAAA`, "BAD_SIGNATURE"],
    [
      "an expired token",
      async () => `Bearer ${await signed((jwt) => jwt.setExpirationTime(Math.floor(Date.now() / 1000) - 300))}`,
      "EXPIRED",
    ],
    [
      "a token for another audience",
      async () => `Bearer ${await signed((jwt) => jwt.setAudience("elsewhere").setExpirationTime("1h"))}`,
      "WRONG_AUDIENCE",
    ],
  ])("refuses %s with 401 UNAUTHENTICATED, even for public fields", async (_label, header, reason) => {
    const response = await query(await header());
    expect(response.status).toBe(401);
    const body = (await response.json()) as GraphQLResponse;
    expect(body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([["UNAUTHENTICATED", reason]]);
    expect(body.data).toBeUndefined();
  });
});

describe("a subgraph reached directly", () => {
  const post = (name: "job-centers" | "welfare-partners" | "saeil-centers" | "local-job-centers", query: string, token?: string) =>
    fetch(system.subgraphs[name].url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query }),
    });

  it("answers UNAUTHENTICATED to a caller without a token, even for a public field", async () => {
    const response = await post("job-centers", "{ regions { code } }");
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphQLResponse).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("still answers the composition query", async () => {
    const body = (await (await post("welfare-partners", "{ _service { sdl } }")).json()) as GraphQLResponse;
    expect(body.data?._service.sdl).toContain("type WelfareReferral");
  });

  it("tells an office with no relationship nothing, not even that a person has no records there", async () => {
    // two people another employment center serves: one with Saeil enrollments and local records, one with none
    const [withRecords] = await system.sql(
      "saeil-centers",
      `SELECT e.participant_id AS id FROM saeil_enrollment e JOIN participant_link l
         ON l.participant_id = e.participant_id AND l.office_kind = 'EMPLOYMENT_CENTER' AND l.office_id <> $1
       ORDER BY e.id LIMIT 1`,
      [centerId],
    );
    const [withNone] = await system.sql(
      "saeil-centers",
      `SELECT l.participant_id AS id FROM participant_link l
       WHERE l.office_kind = 'EMPLOYMENT_CENTER' AND l.office_id <> $1
         AND NOT EXISTS (SELECT 1 FROM saeil_enrollment e WHERE e.participant_id = l.participant_id)
       ORDER BY l.participant_id LIMIT 1`,
      [centerId],
    );
    const token = await tokenFor("COUNSELOR", centerId, String(counselorId));
    const entities = (id: unknown) =>
      `{ _entities(representations: [{ __typename: "Participant", id: "${String(id)}" }]) { ... on Participant { saeilEnrollments { status } } } }`;
    const refused = {
      code: "FORBIDDEN",
      field: "Participant.saeilEnrollments",
      reason: "your office has no relationship with this participant",
    };
    for (const id of [withRecords.id, withNone.id]) {
      const body = (await (await post("saeil-centers", entities(id), token)).json()) as GraphQLResponse;
      expect(body.data?._entities).toEqual([{ saeilEnrollments: null }]);
      expect(body.errors?.map((e) => ({ code: e.extensions?.code, field: e.extensions?.field, reason: e.extensions?.reason }))).toEqual([
        refused,
      ]);
    }
  });

  it("applies its own rules to a valid token: an analyst gets FORBIDDEN from the subgraph itself", async () => {
    const body = (await (
      await post("job-centers", `{ participant(id: "${participantId}") { name } }`, await tokenFor("ANALYST"))
    ).json()) as GraphQLResponse;
    expect(body.data?.participant).toBeNull();
    expect(body.errors?.map((e) => [e.extensions?.code, e.message])).toEqual([
      ["FORBIDDEN", "Not allowed to read Query.participant: requires participant:read."],
    ]);
  });
});
