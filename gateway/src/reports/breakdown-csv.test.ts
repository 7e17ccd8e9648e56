import { breakdownCsv, breakdownFileName } from "./breakdown-csv";
import type { BreakdownCell, BreakdownFigures, BreakdownKey, ProgramBreakdown } from "./program-breakdown.operation";

const NO_KEY: BreakdownKey = { region: null, employmentCenter: null, track: null, ageBand: null, gender: null, quarter: null, month: null };
const figures = (applicants: number | null, rate: number | null): BreakdownFigures => ({
  applicants,
  participantsStarted: 3,
  employed: null,
  placementEmployments: 0,
  employmentRate: rate,
  placementShare: null,
  medianDaysToEmployment: 140.5,
  retainedAt6Months: null,
  retainedAt12Months: null,
  allowancePaidWon: 12_345_600_000,
});
const cell = (key: Partial<BreakdownKey>, suppressed: boolean, applicants: number | null): BreakdownCell => ({
  key: { ...NO_KEY, ...key },
  suppressed,
  ...figures(applicants, suppressed ? null : 0.625),
});

describe("a breakdown as CSV", () => {
  it("writes a BOM, the headers of the dimensions asked, each cell, then the total; quotes what needs quoting", () => {
    const breakdown: ProgramBreakdown = {
      year: 2022,
      by: ["EMPLOYMENT_CENTER", "GENDER"],
      total: figures(1_000, 0.5),
      cells: [
        cell({ employmentCenter: { id: "1", name: 'A "quoted", centre' }, gender: "FEMALE" }, false, 997),
        cell({ employmentCenter: { id: "1", name: 'A "quoted", centre' }, gender: "MALE" }, true, null),
        cell({ employmentCenter: { id: "2", name: "서울고용센터" }, gender: "UNKNOWN_VALUE" }, false, 3),
      ],
    };
    expect(breakdownCsv(breakdown)).toBe(
      "\uFEFF" +
        [
          "고용센터,성별,신청자,참여자,취업자,알선취업,취업률,알선취업 비율,취업까지 일수 중앙값,6개월 고용유지율,12개월 고용유지율,구직촉진수당 지급액(원),비공개",
          '"A ""quoted"", centre",여성,997,3,,0,0.625,,140.5,,,12345600000,',
          '"A ""quoted"", centre",남성,,3,,0,,,140.5,,,12345600000,Y',
          "서울고용센터,UNKNOWN_VALUE,3,3,,0,0.625,,140.5,,,12345600000,",
          "전국 합계,,1000,3,,0,0.5,,140.5,,,12345600000,",
        ].join("\r\n") +
        "\r\n",
    );
  });

  it("names the file after what was asked", () => {
    expect(breakdownFileName(2022, ["TRACK", "AGE_BAND"])).toBe("program-breakdown-2022-TRACK-AGE_BAND.csv");
    expect(breakdownFileName(2021, ["QUARTER"])).toBe("program-breakdown-2021-QUARTER.csv");
  });
});
