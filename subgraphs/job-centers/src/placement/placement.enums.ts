import { registerEnumType } from "type-graphql";

export enum PlacementResult {
  PENDING = "PENDING",
  HIRED = "HIRED",
  NOT_HIRED = "NOT_HIRED",
  WITHDRAWN = "WITHDRAWN",
}
registerEnumType(PlacementResult, { name: "PlacementResult", description: "Outcome of a job placement referral." });
