import { registerEnumType } from "type-graphql";

export enum CounselingMode {
  IN_PERSON = "IN_PERSON",
  PHONE = "PHONE",
  VIDEO = "VIDEO",
}
registerEnumType(CounselingMode, { name: "CounselingMode" });
