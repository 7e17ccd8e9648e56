import {
  BREAKDOWN_FIGURES,
  REPORT_DIMENSIONS,
  type BreakdownFigure,
  type BreakdownKey,
  type ReportDimension,
} from "./program-breakdown.operation";

/**
 * How a breakdown is written for people: the Korean column headers of the CSV and of the /reports page's table,
 * and the words for the schema's enum values. One list for both, so the page and the file always agree; the page
 * reads it from `/reports/assets/breakdown.json`.
 */
export const DIMENSION_HEADERS: Record<ReportDimension, string> = {
  REGION: "지역",
  EMPLOYMENT_CENTER: "고용센터",
  TRACK: "유형",
  AGE_BAND: "연령대",
  GENDER: "성별",
  QUARTER: "분기",
  MONTH: "월",
};

export const FIGURE_HEADERS: Record<BreakdownFigure, string> = {
  applicants: "신청자",
  participantsStarted: "참여자",
  employed: "취업자",
  placementEmployments: "알선취업",
  employmentRate: "취업률",
  placementShare: "알선취업 비율",
  medianDaysToEmployment: "취업까지 일수 중앙값",
  retainedAt6Months: "6개월 고용유지율",
  retainedAt12Months: "12개월 고용유지율",
  allowancePaidWon: "구직촉진수당 지급액(원)",
};

/** Shares (0..1) rather than counts: the page shows them as percentages; the CSV keeps the graph's exact value. */
export const RATE_FIGURES: readonly BreakdownFigure[] = ["employmentRate", "placementShare", "retainedAt6Months", "retainedAt12Months"];

/** The last column: which rows' figures were withheld (an empty figure is otherwise also one that is undefined). */
export const SUPPRESSED_HEADER = "비공개";
export const SUPPRESSED_MARK = "Y";

/** The first dimension's value on the national total row. */
export const TOTAL_LABEL = "전국 합계";

/** The program's own words for enum values; a value missing here is written as the schema names it. */
export const VALUE_LABELS: Record<string, string> = {
  // SupportTrack (Act §6-§7)
  TYPE_I_REQUIREMENT: "Ⅰ유형 요건심사형",
  TYPE_I_SELECTION: "Ⅰ유형 선발형",
  TYPE_II_SPECIFIC: "Ⅱ유형 특정계층",
  TYPE_II_YOUTH: "Ⅱ유형 청년",
  TYPE_II_MIDDLE_AGED: "Ⅱ유형 중장년",
  // AgeBand (age at application)
  UNDER_18: "18세 미만",
  YOUTH: "청년(18–34세)",
  MIDDLE_AGED: "중장년(35–69세)",
  OVER_69: "70세 이상",
  // Gender
  FEMALE: "여성",
  MALE: "남성",
};

const label = (value: string | null) => (value === null ? "" : (VALUE_LABELS[value] ?? value));

/** A cell's value on one dimension, as a person reads it: names for places and offices, words for enum values. */
export function dimensionValue(key: BreakdownKey, dimension: ReportDimension): string {
  switch (dimension) {
    case "REGION":
      return key.region?.name ?? "";
    case "EMPLOYMENT_CENTER":
      return key.employmentCenter?.name ?? "";
    case "TRACK":
      return label(key.track);
    case "AGE_BAND":
      return label(key.ageBand);
    case "GENDER":
      return label(key.gender);
    case "QUARTER":
      return key.quarter === null ? "" : String(key.quarter);
    case "MONTH":
      return key.month === null ? "" : String(key.month);
  }
}

/** Everything the page needs to label what it shows, served as JSON. */
export function breakdownLabels() {
  return {
    dimensions: REPORT_DIMENSIONS.map((name) => ({ name, header: DIMENSION_HEADERS[name] })),
    figures: BREAKDOWN_FIGURES.map((name) => ({ name, header: FIGURE_HEADERS[name], rate: RATE_FIGURES.includes(name) })),
    values: VALUE_LABELS,
    totalLabel: TOTAL_LABEL,
  };
}
