/**
 * The client contract's `ProgramBreakdown` operation, word for word (test/contract/operations.graphql): the CSV
 * export and the /reports page run exactly this text, so they get the plan, rules, suppression and cache of any
 * client, and pass a gateway started with `SAFELIST=true` (which runs only the contract's texts).
 * `program-breakdown.operation.test.ts` fails when the two drift apart.
 */
export const PROGRAM_BREAKDOWN = `query ProgramBreakdown($year: Int!, $by: [ReportDimension!]!) {
  programBreakdown(year: $year, by: $by) {
    year
    by
    total { ...BreakdownFigures }
    cells {
      key { region { code name } employmentCenter { id name } track ageBand gender quarter month }
      suppressed
      ...BreakdownFigures
    }
  }
}

fragment BreakdownFigures on BreakdownFigures {
  applicants
  participantsStarted
  employed
  placementEmployments
  employmentRate
  placementShare
  medianDaysToEmployment
  retainedAt6Months
  retainedAt12Months
  allowancePaidWon
}
`;

/** The dimensions a breakdown can be asked by (the schema's `ReportDimension`), in the schema's order. */
export const REPORT_DIMENSIONS = ["REGION", "EMPLOYMENT_CENTER", "TRACK", "AGE_BAND", "GENDER", "QUARTER", "MONTH"] as const;

export type ReportDimension = (typeof REPORT_DIMENSIONS)[number];

/** The ten figures of every cell and of the total (`BreakdownFigures`); null is suppressed, or undefined by definition. */
export const BREAKDOWN_FIGURES = [
  "applicants",
  "participantsStarted",
  "employed",
  "placementEmployments",
  "employmentRate",
  "placementShare",
  "medianDaysToEmployment",
  "retainedAt6Months",
  "retainedAt12Months",
  "allowancePaidWon",
] as const;

export type BreakdownFigure = (typeof BREAKDOWN_FIGURES)[number];

export type BreakdownFigures = Record<BreakdownFigure, number | null>;

/** A cell's coordinates: only the dimensions asked are set. */
export interface BreakdownKey {
  region: { code: string; name: string } | null;
  employmentCenter: { id: string; name: string } | null;
  track: string | null;
  ageBand: string | null;
  gender: string | null;
  quarter: number | null;
  month: number | null;
}

export interface BreakdownCell extends BreakdownFigures {
  key: BreakdownKey;
  suppressed: boolean;
}

/** `data.programBreakdown` of the operation's answer. */
export interface ProgramBreakdown {
  year: number;
  by: ReportDimension[];
  total: BreakdownFigures;
  cells: BreakdownCell[];
}
