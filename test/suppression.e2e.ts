import { contract, startSystem, type GraphQLResponse, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";

/**
 * Small-cell suppression (PIPA §28-2), checked against counts computed here from the agencies' tables: every count
 * of persons from 1 to 4 is null with a SUPPRESSED error at its path, and no region's figure minus its offices'
 * visible figures gives back a single withheld one. The same for every viewer; an analyst asks here.
 */
let system: TestSystem;
let analyst: string;
beforeAll(async () => {
  system = await startSystem();
  analyst = await tokenFor("ANALYST", null, "analyst-test");
});
afterAll(() => system?.stop());

const YEARS = [2021, 2022, 2023];
/** Fields counted per office and summed per region (the ones a reader can subtract), by their names in each row. */
const OFFICE_FIELDS = {
  "job-centers": {
    applicants: "applicants",
    participantsStarted: "participantsStarted",
    employed: "employed",
    placementEmployments: "placementEmployments",
  },
  "local-job-centers": { discovered: "outreachDiscovered", linkedToProgram: "linkedByLocalCenters" },
} as const;
const REGION_ONLY_FIELDS = ["saeilEnrollments", "saeilCompletions", "welfareReferrals", "welfareReferralsResolved"];

/** Raw counts of one year, per office (with its region) and per region, straight from the records. */
async function rawCounts(year: number) {
  const inYear = (date: string) => `count(*) FILTER (WHERE extract(year FROM ${date}) = $1)::int`;
  const sql = (name: Parameters<TestSystem["sql"]>[0], text: string) => system.sql(name, text, [year]);
  // a participant has at most one employment (its primary key), so the join counts each person once
  const offices = await sql(
    "job-centers",
    `SELECT c.id::text, c.region_code, ${inYear("p.applied_on")} AS "applicants", ${inYear("p.eligibility_decided_on")} AS "participantsStarted",
       ${inYear("e.employed_on")} AS "employed", count(*) FILTER (WHERE extract(year FROM e.employed_on) = $1 AND e.via_placement)::int AS "placementEmployments"
     FROM employment_center c LEFT JOIN participant p ON p.employment_center_id = c.id LEFT JOIN employment e ON e.participant_id = p.id
     GROUP BY c.id`,
  );
  const local = await sql(
    "local-job-centers",
    `SELECT c.id::text, c.region_code, ${inYear("o.discovered_on")} AS "discovered", ${inYear("o.linked_on")} AS "linkedToProgram"
     FROM local_job_center c LEFT JOIN outreach o ON o.local_job_center_id = c.id GROUP BY c.id`,
  );
  const saeil = await sql(
    "saeil-centers",
    `SELECT c.region_code, ${inYear("e.enrolled_on")} AS "saeilEnrollments", ${inYear("e.completed_on")} AS "saeilCompletions"
     FROM saeil_enrollment e JOIN saeil_course k ON k.id = e.course_id JOIN saeil_center c ON c.id = k.saeil_center_id GROUP BY 1`,
  );
  const welfare = await sql(
    "welfare-partners",
    `SELECT p.region_code, ${inYear("r.referred_on")} AS "welfareReferrals", ${inYear("r.resolved_on")} AS "welfareReferralsResolved"
     FROM welfare_referral r JOIN welfare_partner p ON p.id = r.partner_id GROUP BY 1`,
  );
  return { "job-centers": offices, "local-job-centers": local, regionOnly: [...saeil, ...welfare] };
}

/** The graph's answers for a year, as an analyst sees them. */
async function published(year: number) {
  const ask = (query: string) => system.query(`query ($year: Int!) { ${query} }`, { year }, undefined, analyst);
  return {
    report: await ask(
      `programReport(year: $year) { regions { regionCode ${Object.values(OFFICE_FIELDS).flatMap(Object.values).join(" ")} ${REGION_ONLY_FIELDS.join(" ")} } }`,
    ),
    centers: await ask(
      `employmentCenters { id region { code } annualStats(year: $year) { ${Object.keys(OFFICE_FIELDS["job-centers"]).join(" ")} } }`,
    ),
    local: await ask(
      `localJobCenters { id region { code } annualStats(year: $year) { ${Object.keys(OFFICE_FIELDS["local-job-centers"]).join(" ")} } }`,
    ),
  };
}

const MESSAGES: Record<string, string> = {
  SMALL_CELL: "Suppressed: a count below 5 could identify a person (PIPA §28-2).",
  COMPLEMENTARY: "Suppressed: with the other figures shown, this one would reveal a count below 5 by subtraction (PIPA §28-2).",
};

/** A cell as published: the graph's value, why it is withheld (its error's reason), and the count in the records. */
interface Cell {
  value: number | null;
  reason: string | undefined;
  raw: number;
}

/**
 * Reads the cell at `path` and checks it: shown exactly with no error, or null with a SUPPRESSED error at that path:
 * SMALL_CELL for 1–4, COMPLEMENTARY for 5 or more, never for 0; the message the same for every cell, with no figure.
 */
function cellAt(response: GraphQLResponse, path: (string | number)[], raw: number): Cell {
  const value = path.reduce((object: any, key) => object[key], response.data) as number | null;
  const error = response.errors?.find((e) => JSON.stringify(e.path) === JSON.stringify(path));
  const where = path.join(".");
  if (value !== null) {
    expect([where, value, error, raw >= 1 && raw <= 4]).toEqual([where, raw, undefined, false]);
    return { value, reason: undefined, raw };
  }
  const reason = raw >= 1 && raw <= 4 ? "SMALL_CELL" : "COMPLEMENTARY";
  const expected = [where, expect.objectContaining({ code: "SUPPRESSED", reason }), MESSAGES[reason], true];
  expect([where, error?.extensions, error?.message, raw > 0]).toEqual(expected);
  return { value, reason, raw };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
const withheldPerYear: Record<number, Record<string, number>> = {};

describe.each(YEARS)("report figures of %i", (year) => {
  let raw: Awaited<ReturnType<typeof rawCounts>>;
  let graph: Awaited<ReturnType<typeof published>>;
  beforeAll(async () => {
    raw = await rawCounts(year);
    graph = await published(year);
  });

  it.each(Object.keys(OFFICE_FIELDS) as Array<keyof typeof OFFICE_FIELDS>)(
    "%s: offices and regions show exact counts, withhold 1–4, and no subtraction reveals a withheld one",
    (agency) => {
      const [root, response] = agency === "job-centers" ? ["employmentCenters", graph.centers] : ["localJobCenters", graph.local];
      const rawById = new Map(raw[agency].map((row) => [row.id, row]));
      for (const [field, regionField] of Object.entries(OFFICE_FIELDS[agency])) {
        const offices = (response.data![root] as any[]).map((office, i) => ({
          region: office.region.code,
          ...cellAt(response, [root, i, "annualStats", field], rawById.get(office.id)![field]),
        }));
        graph.report.data!.programReport.regions.forEach((row: any, i: number) => {
          const inRegion = offices.filter((office) => office.region === row.regionCode);
          const region = cellAt(graph.report, ["programReport", "regions", i, regionField], sum(inRegion.map((office) => office.raw)));
          expect(region.reason).not.toBe("COMPLEMENTARY");
          if (region.value === null) return;
          // the subtraction attack: the region's figure minus its visible offices' gives the sum of the withheld ones
          const withheld = inRegion.filter((office) => office.value === null);
          expect([row.regionCode, field, withheld.length]).not.toEqual([row.regionCode, field, 1]);
          expect(region.value - sum(inRegion.map((office) => office.value ?? 0))).toBe(sum(withheld.map((office) => office.raw)));
          // a complement is the smallest other office of the region that can hide its one small count
          const complements = withheld.filter((office) => office.reason === "COMPLEMENTARY");
          if (complements.length === 0) return;
          expect([complements.length, withheld.length]).toEqual([1, 2]);
          expect(complements[0].raw).toBe(Math.min(...inRegion.filter((office) => office.raw >= 5).map((office) => office.raw)));
        });
      }
    },
  );

  it("regions of the agencies without office figures withhold 1–4 and show the rest exactly", () => {
    graph.report.data!.programReport.regions.forEach((row: any, i: number) => {
      for (const field of REGION_ONLY_FIELDS) {
        const counts = raw.regionOnly.find((r) => r.region_code === row.regionCode && field in r);
        cellAt(graph.report, ["programReport", "regions", i, field], counts?.[field] ?? 0);
      }
    });
  });

  it("answers no error but those of the withheld cells, and shows zeros", () => {
    const count = (value: unknown, wanted: null | 0): number =>
      value === wanted ? 1 : value && typeof value === "object" ? sum(Object.values(value).map((v) => count(v, wanted))) : 0;
    const reasons: Record<string, number> = {};
    for (const response of [graph.report, graph.centers, graph.local]) {
      expect(response.errors?.length ?? 0).toBe(count(response.data, null));
      for (const error of response.errors ?? []) reasons[error.extensions?.reason] = (reasons[error.extensions?.reason] ?? 0) + 1;
    }
    expect(count(graph.centers.data, 0) + count(graph.report.data, 0)).toBeGreaterThan(0);
    expect(reasons.SMALL_CELL).toBeGreaterThan(0);
    withheldPerYear[year] = reasons;
  });
});

describe("what suppression leaves visible", () => {
  it("the press release's figures, exactly", async () => {
    const stats = async (operation: "CenterYear" | "LocalCenterYear", name: string, year: number) => {
      const [owner, table] = operation === "CenterYear" ? ["job-centers", "employment_center"] : ["local-job-centers", "local_job_center"];
      const [{ id }] = await system.sql(owner as "job-centers", `SELECT id::text FROM ${table} WHERE name = $1`, [name]);
      const { data, errors } = await contract(system, operation, { id, year }, analyst);
      expect(errors).toBeUndefined();
      return (data!.employmentCenter ?? data!.localJobCenter).annualStats;
    };
    expect((await stats("CenterYear", "인천고용센터", 2021)).placementEmployments).toBe(181);
    expect((await stats("CenterYear", "인천고용센터", 2022)).placementEmployments).toBe(500);
    expect((await stats("CenterYear", "서울고용센터", 2021)).workExperienceCompanies).toBe(1288);
    expect((await stats("CenterYear", "서울고용센터", 2022)).workExperienceCompanies).toBe(2485);
    expect((await stats("LocalCenterYear", "광명시 일자리센터", 2022)).discovered).toBe(148);
    expect((await stats("LocalCenterYear", "경상남도 일자리종합센터", 2022)).agreementQuota).toBe(320);
    console.log(`[suppression] cells withheld per year: ${JSON.stringify(withheldPerYear)}`);
  });
});
