import { registerEnumType } from "type-graphql";

export enum EnrollmentStatus {
  ENROLLED = "ENROLLED",
  COMPLETED = "COMPLETED",
  DROPPED = "DROPPED",
}
registerEnumType(EnrollmentStatus, { name: "EnrollmentStatus" });
