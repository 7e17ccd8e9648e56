import { contract, startSystem, type TestSystem } from "./support/system";

/** Every operation of the client contract, unchanged, through the gateway; answers checked against the databases. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

async function centerId(name: string): Promise<string> {
  const [row] = await system.sql("job-centers", "SELECT id FROM employment_center WHERE name = $1", [name]);
  return String(row.id);
}

describe("Participant360", () => {
  it("shows one participant across all four agencies", async () => {
    // someone with records at every agency, found in the agencies' own databases
    const welfare = await system.sql("welfare-partners", "SELECT DISTINCT participant_id FROM welfare_referral");
    const saeil = new Set((await system.sql("saeil-centers", "SELECT participant_id FROM saeil_enrollment")).map((r) => r.participant_id));
    const outreach = new Set(
      (await system.sql("local-job-centers", "SELECT participant_id FROM outreach WHERE participant_id IS NOT NULL")).map(
        (r) => r.participant_id,
      ),
    );
    const id = welfare.map((r) => r.participant_id).find((pid) => saeil.has(pid) && outreach.has(pid));
    expect(id).toBeDefined();

    const { data, errors } = await contract(system, "Participant360", { id });
    expect(errors).toBeUndefined();
    const p = data!.participant;
    const [row] = await system.sql("job-centers", "SELECT * FROM participant WHERE id = $1", [id]);
    expect(p).toMatchObject({ id, name: row.name, birthYear: row.birth_year, gender: row.gender, track: row.track, stage: row.stage });
    expect(p.region.code).toBe(row.region_code);
    expect(p.employmentCenter.id).toBe(String(row.employment_center_id));

    const sessions = await system.sql(
      "job-centers",
      "SELECT to_char(held_on, 'YYYY-MM-DD') AS d FROM counseling_session WHERE participant_id = $1 ORDER BY held_on DESC, id DESC",
      [id],
    );
    expect(p.counselingSessions.totalCount).toBe(sessions.length);
    expect(p.counselingSessions.edges.map((e: any) => e.node.heldOn)).toEqual(sessions.slice(0, 5).map((s) => s.d));

    const payments = await system.sql("job-centers", "SELECT amount_won FROM allowance_payment WHERE participant_id = $1", [id]);
    expect(p.allowancePayments.reduce((sum: number, a: any) => sum + a.amountWon, 0)).toBe(payments.reduce((s, a) => s + a.amount_won, 0));

    const [outreachRow] = await system.sql(
      "local-job-centers",
      "SELECT o.channel, c.name FROM outreach o JOIN local_job_center c ON c.id = o.local_job_center_id WHERE participant_id = $1",
      [id],
    );
    expect(p.outreach).toMatchObject({ channel: outreachRow.channel, localJobCenter: { name: outreachRow.name } });

    const enrollments = await system.sql(
      "saeil-centers",
      "SELECT e.status, c.name FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id JOIN saeil_center c ON c.id = k.saeil_center_id WHERE participant_id = $1 ORDER BY e.enrolled_on, e.id",
      [id],
    );
    expect(p.saeilEnrollments.map((e: any) => [e.status, e.course.saeilCenter.name])).toEqual(enrollments.map((e) => [e.status, e.name]));

    const referrals = await system.sql(
      "welfare-partners",
      "SELECT r.status, p.kind FROM welfare_referral r JOIN welfare_partner p ON p.id = r.partner_id WHERE participant_id = $1 ORDER BY r.referred_on, r.id",
      [id],
    );
    expect(p.welfareReferrals.map((r: any) => [r.status, r.partner.kind])).toEqual(referrals.map((r) => [r.status, r.kind]));
  });

  it("answers null for an id that matches nobody, whatever its shape", async () => {
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", "42", ""]) {
      const { data, errors } = await contract(system, "Participant360", { id });
      expect(errors).toBeUndefined();
      expect(data!.participant).toBeNull();
    }
  });
});

describe("Caseload", () => {
  it("pages a center's caseload newest first with stable cursors and the whole count", async () => {
    const id = await centerId("인천고용센터");
    const expected = await system.sql(
      "job-centers",
      "SELECT id::text, to_char(applied_on, 'YYYY-MM-DD') AS applied FROM participant WHERE employment_center_id = $1 ORDER BY applied_on DESC, id DESC",
      [Number(id)],
    );
    const first = await contract(system, "Caseload", { filter: { employmentCenterId: id }, first: 100 });
    expect(first.errors).toBeUndefined();
    const page1 = first.data!.participants;
    expect(page1.totalCount).toBe(expected.length);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(expected.slice(0, 100).map((r) => r.id));
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[99].cursor });
    expect(page1.edges.every((e: any) => e.node.employmentCenter.name === "인천고용센터")).toBe(true);

    const second = await contract(system, "Caseload", { filter: { employmentCenterId: id }, first: 100, after: page1.pageInfo.endCursor });
    expect(second.data!.participants.edges.map((e: any) => e.node.id)).toEqual(expected.slice(100, 200).map((r) => r.id));
  });

  it("combines filters with AND and carries the other agencies' flags", async () => {
    const filter = { regionCode: "41", stage: "EMPLOYED", track: "TYPE_I_REQUIREMENT", appliedFrom: "2022-01-01", appliedTo: "2022-12-31" };
    const [{ n }] = await system.sql(
      "job-centers",
      "SELECT count(*)::int AS n FROM participant WHERE region_code = '41' AND stage = 'EMPLOYED' AND track = 'TYPE_I_REQUIREMENT' AND applied_on BETWEEN '2022-01-01' AND '2022-12-31'",
    );
    const { data, errors } = await contract(system, "Caseload", { filter, first: 50 });
    expect(errors).toBeUndefined();
    expect(data!.participants.totalCount).toBe(n);
    expect(n).toBeGreaterThan(0);
    for (const { node } of data!.participants.edges) {
      expect(node).toMatchObject({ stage: "EMPLOYED", track: "TYPE_I_REQUIREMENT" });
      expect(node.appliedOn >= "2022-01-01" && node.appliedOn <= "2022-12-31").toBe(true);
    }
    const ids = data!.participants.edges.map((e: any) => e.node.id);
    const referred = await system.sql(
      "welfare-partners",
      "SELECT DISTINCT participant_id FROM welfare_referral WHERE participant_id = ANY($1::uuid[])",
      [ids],
    );
    const flagged = data!.participants.edges.filter((e: any) => e.node.welfareReferrals.length > 0).map((e: any) => e.node.id);
    expect(flagged.sort()).toEqual(referred.map((r) => r.participant_id).sort());
  });

  it("filters by counsellor and gives an empty page for ids that match nothing", async () => {
    const [c] = await system.sql(
      "job-centers",
      "SELECT counselor_id, count(*)::int AS n FROM participant WHERE counselor_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
    );
    const byCounselor = await contract(system, "Caseload", { filter: { counselorId: String(c.counselor_id) }, first: 5 });
    expect(byCounselor.data!.participants.totalCount).toBe(c.n);
    for (const counselorId of ["999999", "abc"]) {
      const { data, errors } = await contract(system, "Caseload", { filter: { counselorId } });
      expect(errors).toBeUndefined();
      expect(data!.participants).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    }
  });
});

describe("RegionDirectory", () => {
  it("lists every agency's offices in 인천 (28)", async () => {
    const { data, errors } = await contract(system, "RegionDirectory", { code: "28" });
    expect(errors).toBeUndefined();
    const region = data!.region;
    expect(region).toMatchObject({ code: "28", name: "인천광역시" });
    expect(region.employmentCenters.map((c: any) => c.name).sort()).toEqual(
      ["강화고용센터", "인천고용센터", "인천북부고용센터", "인천서부고용센터"].sort(),
    );
    expect(region.employmentCenters.find((c: any) => c.name === "강화고용센터").parent).not.toBeNull();
    for (const [field, table] of [
      ["localJobCenters", "local_job_center"],
      ["saeilCenters", "saeil_center"],
      ["welfarePartners", "welfare_partner"],
    ] as const) {
      const owner = field === "localJobCenters" ? "local-job-centers" : field === "saeilCenters" ? "saeil-centers" : "welfare-partners";
      const rows = await system.sql(owner, `SELECT name FROM ${table} WHERE region_code = '28' ORDER BY id`);
      expect(region[field].map((o: any) => o.name)).toEqual(rows.map((r) => r.name));
      expect(rows.length).toBeGreaterThan(0);
    }
  });

  it("answers null for an unknown region", async () => {
    const { data, errors } = await contract(system, "RegionDirectory", { code: "99" });
    expect(errors).toBeUndefined();
    expect(data!.region).toBeNull();
  });
});
