import { todayInKorea } from "@lib/mutation/dates";
import { contract, DEFAULT_TOKEN_USER, startSystem, type TestSystem } from "./support/system";
import { tokenFor } from "./support/test-auth";
import { FIGURES, figuresOf, keyOfAnswer, recount, type Dimension, type FigureValues } from "./support/breakdown-recount";

/** programBreakdown recounted from the records: in full for a center manager, with small counts withheld for an analyst. */
let system: TestSystem;
let analyst: string;
beforeAll(async () => {
  system = await startSystem();
  analyst = await tokenFor("ANALYST");
});
afterAll(() => system?.stop());

type Cell = FigureValues & { key: Record<string, unknown>; suppressed: boolean };
interface Breakdown {
  year: number;
  by: Dimension[];
  total: FigureValues;
  cells: Cell[];
}

async function breakdown(year: number, by: Dimension[], token?: string): Promise<Breakdown> {
  const { data, errors } = await contract(system, "ProgramBreakdown", { year, by }, token);
  expect(errors).toBeUndefined();
  return data!.programBreakdown as Breakdown;
}

const CHOICES = ([["TRACK", "AGE_BAND"], ["EMPLOYMENT_CENTER"], ["QUARTER"], ["REGION", "GENDER"], ["MONTH"]] as Dimension[][]).map(
  (by) => [by.join(" × "), by] as const,
);

describe("a center manager's breakdown: their own office's records, nothing withheld", () => {
  it.each(CHOICES)("2022 by %s: every figure of every cell as recounted from the records", async (_, by) => {
    const answer = await breakdown(2022, by);
    const expected = await recount(system, 2022, by, DEFAULT_TOKEN_USER.org, todayInKorea());
    expect(answer.year).toBe(2022);
    expect(answer.by).toEqual(by);
    expect(answer.total).toEqual(figuresOf(expected.total));
    expect(new Map(answer.cells.map((c) => [keyOfAnswer(by, c.key), { ...pick(c), suppressed: c.suppressed }]))).toEqual(
      new Map([...expected.cells].map(([key, tally]) => [key, { ...figuresOf(tally), suppressed: false }])),
    );
    expect(answer.total.applicants).toBeGreaterThan(50);
  });

  it("a 2023 breakdown shows retention as the records give it (jobs ending, some before 6 or 12 months)", async () => {
    const answer = await breakdown(2023, ["TRACK"]);
    const expected = await recount(system, 2023, ["TRACK"], DEFAULT_TOKEN_USER.org, todayInKorea());
    expect(answer.total).toEqual(figuresOf(expected.total));
    expect(answer.total.retainedAt6Months).toBeGreaterThan(0.7);
    expect(answer.total.retainedAt6Months).toBeLessThan(1);
    expect(answer.total.retainedAt12Months!).toBeLessThan(answer.total.retainedAt6Months!);
    expect(answer.total.employmentRate).toBeGreaterThan(0.4);
    expect(answer.total.employmentRate).toBeLessThan(1);
  });
});

describe("an analyst's breakdown: national, small counts withheld", () => {
  it.each(CHOICES)("2022 by %s: shown figures are the recount's, withheld ones null and flagged", async (_, by) => {
    const answer = await breakdown(2022, by, analyst);
    const expected = await recount(system, 2022, by, null, todayInKorea());
    expect(answer.cells.map((c) => keyOfAnswer(by, c.key)).sort()).toEqual([...expected.cells.keys()].sort());
    const check = (shown: FigureValues & { suppressed?: boolean }, full: FigureValues) => {
      const withheld = FIGURES.filter((f) => shown[f] === null && full[f] !== null);
      for (const f of FIGURES) if (shown[f] !== null) expect([f, shown[f]]).toEqual([f, full[f]]);
      if (shown.suppressed !== undefined) expect(shown.suppressed).toBe(withheld.length > 0);
    };
    check(answer.total, figuresOf(expected.total));
    for (const cell of answer.cells) check(cell, figuresOf(expected.cells.get(keyOfAnswer(by, cell.key))!));
    // no count from 1 to 4 is shown, nor a rate, median or sum computed on one
    for (const cell of answer.cells) {
      const t = expected.cells.get(keyOfAnswer(by, cell.key))!;
      if (small(t.applicants)) expect(cell.applicants).toBeNull();
      if (small(t.started)) expect(cell.participantsStarted).toBeNull();
      if (small(t.employed))
        expect([cell.employed, cell.employmentRate, cell.placementShare, cell.medianDaysToEmployment]).toEqual([null, null, null, null]);
      if (small(t.placed)) expect([cell.placementEmployments, cell.placementShare]).toEqual([null, null]);
      if (small(t.ended)) expect(cell.employmentRate).toBeNull();
      if (small(t.measured6)) expect(cell.retainedAt6Months).toBeNull();
    }
    // the fine breakdowns have small cells; the coarse ones (quarters, regions by gender, months) have none
    const fine = by.includes("EMPLOYMENT_CENTER") || by.includes("AGE_BAND");
    expect(answer.cells.some((c) => c.suppressed)).toBe(fine);
    expect(answer.cells.some((c) => !c.suppressed)).toBe(true);
  });

  it.each(
    ([["EMPLOYMENT_CENTER"], ["TRACK", "AGE_BAND"], ["REGION", "GENDER"], ["EMPLOYMENT_CENTER", "QUARTER"]] as Dimension[][]).map(
      (by) => [by.join(" × "), by] as const,
    ),
  )(
    "by %s: no withheld count follows by subtraction from the total, or from the row and column totals one-way breakdowns show",
    async (_, by) => {
      const answer = await breakdown(2022, by, analyst);
      const oneWay = await Promise.all(by.map((d) => breakdown(2022, [d], analyst)));
      for (const figure of ["applicants", "participantsStarted", "employed", "placementEmployments", "allowancePaidWon"] as const) {
        // every equation an analyst can write: the total (or a one-way cell) minus the shown cells it adds up
        const equations: Array<{ known: number | null; parts: Array<number | null> }> = [
          { known: answer.total[figure], parts: answer.cells.map((c) => c[figure]) },
        ];
        by.forEach((_, i) => {
          for (const marginal of oneWay[i].cells) {
            const value = keyOfAnswer([by[i]], marginal.key);
            const parts = answer.cells.filter((c) => keyOfAnswer(by, c.key).split("|")[i] === value);
            equations.push({ known: marginal[figure], parts: parts.map((c) => c[figure]) });
          }
        });
        for (const { known, parts } of equations) {
          const unknown = parts.filter((p) => p === null).length;
          // one unknown part beside a known total would be known
          if (known !== null) expect([figure, unknown]).not.toEqual([figure, 1]);
        }
      }
    },
  );
});

describe("cost", () => {
  it("reads the figures tables in a fixed number of statements: 3, and 1 more for the regions or offices its keys name", async () => {
    const statements = async (by: Dimension[]) => {
      const before = system.subgraphs["job-centers"].sqlCounter.total;
      await breakdown(2022, by, analyst);
      return system.subgraphs["job-centers"].sqlCounter.total - before;
    };
    expect(await statements(["TRACK"])).toBe(3);
    expect(await statements(["MONTH", "AGE_BAND"])).toBe(3);
    expect(await statements(["EMPLOYMENT_CENTER", "TRACK"])).toBe(4);
    expect(await statements(["REGION", "EMPLOYMENT_CENTER"])).toBe(5);
  });
});

describe("asking", () => {
  it("by 0, 3 or a repeated dimension is BAD_USER_INPUT naming `by`; a year outside the data is null", async () => {
    for (const by of [[], ["TRACK", "GENDER", "MONTH"], ["TRACK", "TRACK"]]) {
      const { data, errors } = await contract(system, "ProgramBreakdown", { year: 2022, by }, analyst);
      expect(data?.programBreakdown ?? null).toBeNull();
      expect(errors?.map((e) => [e.extensions?.code, e.extensions?.argumentName])).toEqual([["BAD_USER_INPUT", "by"]]);
    }
    expect((await breakdown(2019, ["TRACK"], analyst)) as unknown).toBeNull();
  });

  it("anonymous callers are refused, as for every report; a counsellor reads the analyst's national breakdown", async () => {
    const anonymous = await contract(system, "ProgramBreakdown", { year: 2022, by: ["TRACK"] }, null);
    expect(anonymous.data?.programBreakdown ?? null).toBeNull();
    expect(anonymous.errors?.map((e) => e.extensions?.code)).toEqual(["FORBIDDEN"]);
    const counselor = await breakdown(2022, ["TRACK"], await tokenFor("COUNSELOR", 21, "counselor-breakdown"));
    expect(counselor).toEqual(await breakdown(2022, ["TRACK"], analyst));
  });
});

function pick(cell: Cell): FigureValues {
  return Object.fromEntries(FIGURES.map((f) => [f, cell[f]])) as FigureValues;
}

function small(n: number): boolean {
  return n > 0 && n < 5;
}
