import { contract, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/** Every operation of the client contract, unchanged, through the gateway; answers checked against the databases. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

/**
 * The fields of a Caseload page an employment center may not read for want of consent, computed from the databases:
 * a person's outreach and Saeil enrollments without the matching consent, each welfare referral's partner without
 * the separate welfare consent (PIPA §17, §23).
 */
async function expectedConsentRefusals(ids: string[]): Promise<string[]> {
  const consented = async (kind: string) =>
    new Set(
      (
        await system.sql(
          "job-centers",
          `SELECT participant_id FROM participant_consent WHERE viewer_kind = 'EMPLOYMENT_CENTER' AND records_kind = $1
           AND (withdrawn_at IS NULL OR withdrawn_at > now()) AND participant_id = ANY($2::uuid[])`,
          [kind, ids],
        )
      ).map((r) => r.participant_id as string),
    );
  const holders = async (name: "local-job-centers" | "saeil-centers" | "welfare-partners", sql: string) =>
    (await system.sql(name, sql, [ids])).map((r) => r.participant_id as string);
  const [local, saeil, welfare] = await Promise.all([
    consented("LOCAL_JOB_CENTER"),
    consented("SAEIL_CENTER"),
    consented("WELFARE_PARTNER"),
  ]);
  const refused: string[] = [];
  for (const id of await holders("local-job-centers", "SELECT participant_id FROM outreach WHERE participant_id = ANY($1::uuid[])")) {
    if (!local.has(id)) refused.push(`${ids.indexOf(id)}.outreach`);
  }
  for (const id of await holders(
    "saeil-centers",
    "SELECT DISTINCT participant_id FROM saeil_enrollment WHERE participant_id = ANY($1::uuid[])",
  )) {
    if (!saeil.has(id)) refused.push(`${ids.indexOf(id)}.saeilEnrollments`);
  }
  const referrals = await system.sql(
    "welfare-partners",
    "SELECT participant_id, row_number() OVER (PARTITION BY participant_id ORDER BY referred_on, id) - 1 AS i FROM welfare_referral WHERE participant_id = ANY($1::uuid[])",
    [ids],
  );
  for (const r of referrals)
    if (!welfare.has(r.participant_id)) refused.push(`${ids.indexOf(r.participant_id)}.welfareReferrals.${r.i}.partner`);
  return refused.sort();
}

/** The refused fields of a Caseload answer, as `edge.field[.index.field]`, checking each is a consent refusal. */
function consentRefusals(errors: Array<{ path?: (string | number)[]; extensions?: Record<string, any> }> | undefined): string[] {
  return (errors ?? [])
    .map((e) => {
      expect(e.extensions).toMatchObject({
        code: "FORBIDDEN",
        reason: expect.stringMatching(/^the participant has not consented to share /),
      });
      return e
        .path!.slice(2)
        .filter((part) => part !== "node")
        .join(".");
    })
    .sort();
}

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
    // …who consented to every sharing the view needs (the employment center may see the other three's records)
    const consented = new Set(
      (
        await system.sql(
          "job-centers",
          `SELECT participant_id FROM participant_consent WHERE viewer_kind = 'EMPLOYMENT_CENTER' AND withdrawn_at IS NULL
           GROUP BY 1 HAVING count(DISTINCT records_kind) = 3`,
        )
      ).map((r) => r.participant_id),
    );
    const id = welfare.map((r) => r.participant_id).find((pid) => saeil.has(pid) && outreach.has(pid) && consented.has(pid));
    expect(id).toBeDefined();
    const [{ center }] = await system.sql("job-centers", "SELECT employment_center_id AS center FROM participant WHERE id = $1", [id]);

    // read by the manager of the person's center, who sees the whole case
    const { data, errors } = await contract(system, "Participant360", { id }, await tokenFor("CENTER_MANAGER", center));
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
    const page1 = first.data!.participants;
    // what the people on the page did not consent to share with the center is withheld, field by field
    const refusals = consentRefusals(first.errors);
    expect(refusals).toEqual(await expectedConsentRefusals(page1.edges.map((e: any) => e.node.id)));
    expect(refusals.length).toBeGreaterThan(0);
    expect(page1.totalCount).toBe(expected.length);
    expect(page1.edges.map((e: any) => e.node.id)).toEqual(expected.slice(0, 100).map((r) => r.id));
    expect(page1.pageInfo).toEqual({ hasNextPage: true, endCursor: page1.edges[99].cursor });
    expect(page1.edges.every((e: any) => e.node.employmentCenter.name === "인천고용센터")).toBe(true);

    const second = await contract(system, "Caseload", { filter: { employmentCenterId: id }, first: 100, after: page1.pageInfo.endCursor });
    expect(second.data!.participants.edges.map((e: any) => e.node.id)).toEqual(expected.slice(100, 200).map((r) => r.id));
  });

  it("combines filters with AND and carries the other agencies' flags", async () => {
    // the default caller is a counsellor of 인천고용센터 (21): the filters apply within what their center may see
    const filter = { regionCode: "28", stage: "EMPLOYED", track: "TYPE_I_REQUIREMENT", appliedFrom: "2022-01-01", appliedTo: "2022-12-31" };
    const [{ n }] = await system.sql(
      "job-centers",
      "SELECT count(*)::int AS n FROM participant WHERE employment_center_id = 21 AND region_code = '28' AND stage = 'EMPLOYED' AND track = 'TYPE_I_REQUIREMENT' AND applied_on BETWEEN '2022-01-01' AND '2022-12-31'",
    );
    const { data, errors } = await contract(system, "Caseload", { filter, first: 50 });
    expect(consentRefusals(errors)).toEqual(await expectedConsentRefusals(data!.participants.edges.map((e: any) => e.node.id)));
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
      "SELECT counselor_id, count(*)::int AS n FROM participant WHERE employment_center_id = 21 AND counselor_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 1",
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
