import { contract, startSystem, type TestSystem } from "./support/system";

/** The national report and the press release's figures, all counted from the records. */
let system: TestSystem;
beforeAll(async () => {
  system = await startSystem();
});
afterAll(() => system?.stop());

async function idOf(owner: "job-centers" | "local-job-centers", table: string, name: string): Promise<string> {
  const [row] = await system.sql(owner, `SELECT id FROM ${table} WHERE name = $1`, [name]);
  expect(row).toBeDefined();
  return String(row.id);
}

/** Counts per region computed here in JS from raw rows, independently of the subgraphs' SQL. */
function tally<T>(rows: T[], regionOf: (row: T) => string, weight: (row: T) => number = () => 1): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(regionOf(row), (counts.get(regionOf(row)) ?? 0) + weight(row));
  return counts;
}

describe("ProgramReport", () => {
  it("assembles each region's 2022 row from all four agencies' records", async () => {
    const { data, errors } = await contract(system, "ProgramReport", { year: 2022 });
    // small counts are withheld (test/suppression.e2e.ts checks which): null, with an error at their path
    const withheld = new Set((errors ?? []).map((error) => JSON.stringify([error.extensions?.code, ...error.path!])));
    const report = data!.programReport;
    expect(report.year).toBe(2022);
    expect(report.regions).toHaveLength(17);

    const people = await system.sql(
      "job-centers",
      "SELECT region_code, extract(year FROM applied_on)::int AS applied, extract(year FROM eligibility_decided_on)::int AS decided FROM participant",
    );
    const employed = await system.sql(
      "job-centers",
      "SELECT p.region_code, e.via_placement FROM employment e JOIN participant p ON p.id = e.participant_id WHERE extract(year FROM e.employed_on) = 2022",
    );
    const paid = await system.sql(
      "job-centers",
      "SELECT p.region_code, a.amount_won FROM allowance_payment a JOIN participant p ON p.id = a.participant_id WHERE extract(year FROM a.paid_on) = 2022",
    );
    const outreach = await system.sql(
      "local-job-centers",
      "SELECT c.region_code, extract(year FROM o.discovered_on)::int AS found, extract(year FROM o.linked_on)::int AS linked FROM outreach o JOIN local_job_center c ON c.id = o.local_job_center_id",
    );
    const referrals = await system.sql(
      "welfare-partners",
      "SELECT p.region_code, extract(year FROM r.referred_on)::int AS referred, extract(year FROM r.resolved_on)::int AS resolved FROM welfare_referral r JOIN welfare_partner p ON p.id = r.partner_id",
    );
    const expected = {
      applicants: tally(
        people.filter((p) => p.applied === 2022),
        (p) => p.region_code,
      ),
      participantsStarted: tally(
        people.filter((p) => p.decided === 2022),
        (p) => p.region_code,
      ),
      employed: tally(employed, (e) => e.region_code),
      placementEmployments: tally(
        employed.filter((e) => e.via_placement),
        (e) => e.region_code,
      ),
      allowancePaidWon: tally(
        paid,
        (a) => a.region_code,
        (a) => a.amount_won,
      ),
      outreachDiscovered: tally(
        outreach.filter((o) => o.found === 2022),
        (o) => o.region_code,
      ),
      linkedByLocalCenters: tally(
        outreach.filter((o) => o.linked === 2022),
        (o) => o.region_code,
      ),
      welfareReferrals: tally(
        referrals.filter((r) => r.referred === 2022),
        (r) => r.region_code,
      ),
      welfareReferralsResolved: tally(
        referrals.filter((r) => r.resolved === 2022),
        (r) => r.region_code,
      ),
    };
    report.regions.forEach((row: any, i: number) => {
      for (const [field, counts] of Object.entries(expected)) {
        if (row[field] === null) {
          expect(withheld.has(JSON.stringify(["SUPPRESSED", "programReport", "regions", i, field]))).toBe(true);
          continue;
        }
        expect([row.region.code, field, row[field]]).toEqual([row.region.code, field, counts.get(row.region.code) ?? 0]);
      }
    });
    const nulls = report.regions.reduce((n: number, r: any) => n + Object.keys(expected).filter((field) => r[field] === null).length, 0);
    expect([withheld.size, errors?.length ?? 0]).toEqual([nulls, nulls]);
    const national = (field: string) => report.regions.reduce((sum: number, r: any) => sum + (r[field] ?? 0), 0);
    expect(national("applicants")).toBeGreaterThan(1000);
    expect(national("saeilEnrollments")).toBeGreaterThan(0);
    expect(national("saeilCompletions")).toBeGreaterThan(0);
    expect(report.regions.find((r: any) => r.region.code === "11").workExperienceCompanies).toBeGreaterThanOrEqual(2485);
  });

  it("answers null for a year outside the data", async () => {
    for (const year of [2019, 2030]) {
      const { data, errors } = await contract(system, "ProgramReport", { year });
      expect(errors).toBeUndefined();
      expect(data!.programReport).toBeNull();
    }
  });
});

describe("the press release's figures", () => {
  it("인천고용센터: placement-driven employments 181 (2021) → 500 (2022)", async () => {
    const id = await idOf("job-centers", "employment_center", "인천고용센터");
    const y2021 = await contract(system, "CenterYear", { id, year: 2021 });
    const y2022 = await contract(system, "CenterYear", { id, year: 2022 });
    expect(y2021.data!.employmentCenter).toMatchObject({ name: "인천고용센터", region: { code: "28" } });
    expect(y2021.data!.employmentCenter.annualStats).toMatchObject({ year: 2021, placementEmployments: 181 });
    expect(y2022.data!.employmentCenter.annualStats).toMatchObject({ year: 2022, placementEmployments: 500 });
    expect(y2022.data!.employmentCenter.annualStats.employed).toBeGreaterThanOrEqual(500);
  });

  it("서울고용센터: 2,485 work-experience companies in 2022, +93% on 2021, the most in the country", async () => {
    const id = await idOf("job-centers", "employment_center", "서울고용센터");
    const y2021 = await contract(system, "CenterYear", { id, year: 2021 });
    const y2022 = await contract(system, "CenterYear", { id, year: 2022 });
    expect(y2022.data!.employmentCenter.annualStats.workExperienceCompanies).toBe(2485);
    expect(y2021.data!.employmentCenter.annualStats.workExperienceCompanies).toBe(1288);
    expect(Math.round((2485 / 1288 - 1) * 100)).toBe(93);
    const all = await system.query(`{ employmentCenters { name annualStats(year: 2022) { workExperienceCompanies } } }`);
    const best = [...all.data!.employmentCenters].sort(
      (a: any, b: any) => b.annualStats.workExperienceCompanies - a.annualStats.workExperienceCompanies,
    );
    expect(best[0].name).toBe("서울고용센터");
    expect(best[1].annualStats.workExperienceCompanies).toBeLessThan(2485);
  });

  it("광명시 일자리센터 found 148 people in 2022; 경상남도 일자리종합센터 agreed to link 320, the most", async () => {
    const gwangmyeong = await contract(system, "LocalCenterYear", {
      id: await idOf("local-job-centers", "local_job_center", "광명시 일자리센터"),
      year: 2022,
    });
    expect(gwangmyeong.errors).toBeUndefined();
    expect(gwangmyeong.data!.localJobCenter.annualStats).toMatchObject({ year: 2022, discovered: 148 });
    const gyeongnam = await contract(system, "LocalCenterYear", {
      id: await idOf("local-job-centers", "local_job_center", "경상남도 일자리종합센터"),
      year: 2022,
    });
    expect(gyeongnam.data!.localJobCenter.annualStats.agreementQuota).toBe(320);
    const [{ max }] = await system.sql("local-job-centers", "SELECT max(quota)::int AS max FROM link_agreement WHERE year = 2022");
    expect(max).toBe(320);
  });

  it("annual stats are null for a year outside the data and for unknown offices", async () => {
    const id = await idOf("job-centers", "employment_center", "인천고용센터");
    expect((await contract(system, "CenterYear", { id, year: 2030 })).data!.employmentCenter.annualStats).toBeNull();
    expect((await contract(system, "CenterYear", { id: "99999", year: 2022 })).data!.employmentCenter).toBeNull();
    expect((await contract(system, "LocalCenterYear", { id: "x", year: 2022 })).data!.localJobCenter).toBeNull();
  });
});

describe("directory look-ups", () => {
  it("EmploymentCenters lists the 133 offices, or one region's", async () => {
    const all = await contract(system, "EmploymentCenters", {});
    expect(all.data!.employmentCenters).toHaveLength(133);
    const gyeonggi = await contract(system, "EmploymentCenters", { regionCode: "41" });
    expect(gyeonggi.data!.employmentCenters).toHaveLength(29);
    expect(gyeonggi.data!.employmentCenters.every((c: any) => c.region.code === "41" && c.region.name === "경기도")).toBe(true);
    expect((await contract(system, "EmploymentCenters", { regionCode: "99" })).data!.employmentCenters).toEqual([]);
  });

  it("WelfarePartners filters by region and kind", async () => {
    const { data, errors } = await contract(system, "WelfarePartners", { regionCode: "11", kind: "MENTAL_HEALTH" });
    expect(errors).toBeUndefined();
    expect(data!.welfarePartners.length).toBeGreaterThan(0);
    expect(data!.welfarePartners.every((p: any) => p.kind === "MENTAL_HEALTH" && p.region.code === "11")).toBe(true);
    const [{ n }] = await system.sql("welfare-partners", "SELECT count(*)::int AS n FROM welfare_partner");
    expect((await contract(system, "WelfarePartners", {})).data!.welfarePartners).toHaveLength(n);
  });
});
