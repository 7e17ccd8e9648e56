import { registerEnumType } from "type-graphql";

export enum WelfarePartnerKind {
  MENTAL_HEALTH = "MENTAL_HEALTH",
  CREDIT_RECOVERY = "CREDIT_RECOVERY",
  LEGAL_AID = "LEGAL_AID",
  PSYCHOLOGICAL_COUNSELING = "PSYCHOLOGICAL_COUNSELING",
}
registerEnumType(WelfarePartnerKind, {
  name: "WelfarePartnerKind",
  description: "What barrier to work a welfare partner removes.",
  valuesConfig: {
    MENTAL_HEALTH: { description: "정신건강복지센터 (health data: sensitive under PIPA §23)." },
    CREDIT_RECOVERY: { description: "신용회복위원회: debt and credit recovery." },
    LEGAL_AID: { description: "법률구조: legal aid." },
    PSYCHOLOGICAL_COUNSELING: { description: "심리상담: psychological counselling." },
  },
});
