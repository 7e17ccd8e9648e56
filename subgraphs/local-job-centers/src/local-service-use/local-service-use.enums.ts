import { registerEnumType } from "type-graphql";

export enum LocalService {
  AI_MOCK_INTERVIEW = "AI_MOCK_INTERVIEW",
  VR_MOCK_INTERVIEW = "VR_MOCK_INTERVIEW",
  JOB_KIOSK = "JOB_KIOSK",
  RESUME_CLINIC = "RESUME_CLINIC",
  JOB_FAIR = "JOB_FAIR",
}
registerEnumType(LocalService, {
  name: "LocalService",
  description: "Special services of local job centers (AI/VR 모의면접, 일자리키오스크, …).",
});
