import { registerEnumType } from "type-graphql";

/** What a breakdown's cells are told apart by (docs/domain.md#breakdown); one or two per breakdown. */
export enum ReportDimension {
  REGION = "REGION",
  EMPLOYMENT_CENTER = "EMPLOYMENT_CENTER",
  TRACK = "TRACK",
  AGE_BAND = "AGE_BAND",
  GENDER = "GENDER",
  QUARTER = "QUARTER",
  MONTH = "MONTH",
}

/** The program's age bands, by the age at application (application year minus birth year; docs/domain.md#age-bands). */
export enum AgeBand {
  UNDER_18 = "UNDER_18",
  YOUTH = "YOUTH",
  MIDDLE_AGED = "MIDDLE_AGED",
  OVER_69 = "OVER_69",
}

registerEnumType(ReportDimension, {
  name: "ReportDimension",
  description: "A dimension of `programBreakdown`. Each figure counts in the month of its own event (see `BreakdownFigures`).",
  valuesConfig: {
    REGION: { description: "The region (시도) of the participant's employment center." },
    EMPLOYMENT_CENTER: { description: "The participant's employment center (고용센터) of record." },
    TRACK: { description: "The participant's track (지원유형), as decided at eligibility (the one applied for until then)." },
    AGE_BAND: { description: "The participant's age band at application (application year minus birth year)." },
    GENDER: { description: "The participant's gender." },
    QUARTER: { description: "The quarter (1–4) of the year in which each figure's event happened." },
    MONTH: { description: "The month (1–12) of the year in which each figure's event happened." },
  },
});
registerEnumType(AgeBand, {
  name: "AgeBand",
  description: "The program's age bands, by the age at application (application year minus birth year).",
  valuesConfig: {
    UNDER_18: { description: "Under 18 (Type Ⅰ admits 15–17; reported apart from 청년)." },
    YOUTH: { description: "청년 (youth): 18–34." },
    MIDDLE_AGED: { description: "중장년 (middle-aged): 35–69." },
    OVER_69: { description: "70 and over (outside every track's ages; counted apart should one occur)." },
  },
});
