/**
 * Who may use the platform, as the token's `role` claim names them. Scopes are derived here from the role, never
 * taken from the token: what a role may read is the ministry's policy, written once, in this file.
 */
export const ROLES = [
  "COUNSELOR",
  "CENTER_MANAGER",
  "LOCAL_CENTER_STAFF",
  "SAEIL_STAFF",
  "WELFARE_STAFF",
  "ANALYST",
  "AUDITOR",
  "ADMIN",
] as const;

export type Role = (typeof ROLES)[number];

/** The kind of office a staff role works for (the `org` claim is its id); ministry roles work for none. */
export type OfficeKind = "EMPLOYMENT_CENTER" | "LOCAL_JOB_CENTER" | "SAEIL_CENTER" | "WELFARE_PARTNER";

export const ROLE_OFFICE: Record<Role, OfficeKind | null> = {
  COUNSELOR: "EMPLOYMENT_CENTER",
  CENTER_MANAGER: "EMPLOYMENT_CENTER",
  LOCAL_CENTER_STAFF: "LOCAL_JOB_CENTER",
  SAEIL_STAFF: "SAEIL_CENTER",
  WELFARE_STAFF: "WELFARE_PARTNER",
  ANALYST: null,
  AUDITOR: null,
  ADMIN: null,
};

/**
 * Scopes, as the schema's `@requiresScopes` names them:
 * - `participant:read` a participant's personal data (rows further limited by relationship and consent)
 * - `welfare:read` welfare referral details, sensitive data under PIPA §23 (docs/domain.md#privacy)
 * - `staff:read` names of the offices' staff
 * - `report:read` aggregate figures (small counts suppressed for ministry roles)
 * - `audit:read` the access log
 * - `participant:write` the program's work on a person's case (each mutation further checks the office's relationship)
 */
export const SCOPES = ["participant:read", "welfare:read", "staff:read", "report:read", "audit:read", "participant:write"] as const;

export type Scope = (typeof SCOPES)[number];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  COUNSELOR: ["participant:read", "welfare:read", "staff:read", "report:read", "participant:write"],
  CENTER_MANAGER: ["participant:read", "welfare:read", "staff:read", "report:read", "participant:write"],
  LOCAL_CENTER_STAFF: ["participant:read", "staff:read", "report:read", "participant:write"],
  SAEIL_STAFF: ["participant:read", "staff:read", "report:read", "participant:write"],
  WELFARE_STAFF: ["participant:read", "welfare:read", "report:read", "participant:write"],
  // a person never: reports only
  ANALYST: ["report:read"],
  AUDITOR: ["audit:read", "report:read"],
  // manages the platform; reads no personal data (no more than a manager, who reads only their own office's)
  ADMIN: ["staff:read", "report:read"],
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
