import { registerEnumType } from "type-graphql";

export enum Gender {
  FEMALE = "FEMALE",
  MALE = "MALE",
}

/** 지원유형: the participant's track (Act §6–7, Decree §3–4). */
export enum SupportTrack {
  TYPE_I_REQUIREMENT = "TYPE_I_REQUIREMENT",
  TYPE_I_SELECTION = "TYPE_I_SELECTION",
  TYPE_II_SPECIFIC = "TYPE_II_SPECIFIC",
  TYPE_II_YOUTH = "TYPE_II_YOUTH",
  TYPE_II_MIDDLE_AGED = "TYPE_II_MIDDLE_AGED",
}

/** Where the participant is in the program's process. */
export enum ParticipantStage {
  APPLIED = "APPLIED",
  ELIGIBLE = "ELIGIBLE",
  PLANNING = "PLANNING",
  JOB_SEEKING = "JOB_SEEKING",
  DEFERRED = "DEFERRED",
  EMPLOYED = "EMPLOYED",
  FOLLOW_UP = "FOLLOW_UP",
  CLOSED = "CLOSED",
}

registerEnumType(Gender, { name: "Gender" });
registerEnumType(SupportTrack, {
  name: "SupportTrack",
  description: "지원유형: the participant's track.",
  valuesConfig: {
    TYPE_I_REQUIREMENT: { description: "유형Ⅰ 요건심사형: income, assets and work-history requirements." },
    TYPE_I_SELECTION: { description: "유형Ⅰ 선발형: selected within budget (incl. the youth route)." },
    TYPE_II_SPECIFIC: { description: "유형Ⅱ 특정계층: specific vulnerable groups." },
    TYPE_II_YOUTH: { description: "유형Ⅱ 청년: youth 18–34." },
    TYPE_II_MIDDLE_AGED: { description: "유형Ⅱ 중장년: 35–69, income ≤ 100% of median." },
  },
});
registerEnumType(ParticipantStage, {
  name: "ParticipantStage",
  description: "Process stage.",
  valuesConfig: {
    APPLIED: { description: "신청: applied, eligibility not decided yet." },
    ELIGIBLE: { description: "수급자격 결정: eligible, counselling not started." },
    PLANNING: { description: "취업활동계획 수립 중: the IAP is being drawn up." },
    JOB_SEEKING: { description: "구직활동: IAP set, seeking work with the program's services." },
    DEFERRED: { description: "유예: participation deferred (up to 2 years)." },
    EMPLOYED: { description: "취업: employed 30+ hours a week; support ended." },
    FOLLOW_UP: { description: "사후관리: service period over without a job; follow-up for 3 months." },
    CLOSED: { description: "종료: ended (ineligible, withdrawn, or follow-up over)." },
  },
});
