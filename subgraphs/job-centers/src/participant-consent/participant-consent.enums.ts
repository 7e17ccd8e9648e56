import { registerEnumType } from "type-graphql";

/** The four kinds of agency that serve a participant, as consents name them (lib/auth/roles.ts#OfficeKind). */
export enum AgencyKind {
  EMPLOYMENT_CENTER = "EMPLOYMENT_CENTER",
  LOCAL_JOB_CENTER = "LOCAL_JOB_CENTER",
  SAEIL_CENTER = "SAEIL_CENTER",
  WELFARE_PARTNER = "WELFARE_PARTNER",
}

registerEnumType(AgencyKind, {
  name: "AgencyKind",
  description: "A kind of agency: employment center (고용센터), local job center, Saeil center (새일센터) or welfare partner.",
});
