import { ROLE_OFFICE, ROLE_SCOPES, type OfficeKind, type Role, type Scope } from "./roles";

/** A person signed in with a verified token. */
export interface User {
  kind: "user";
  /** The token's subject: the user's id at the identity provider (for a counsellor, their counsellor id). */
  sub: string;
  name: string;
  role: Role;
  /** The office the user works for, and its kind; null for ministry roles. */
  org: { kind: OfficeKind; id: number } | null;
  scopes: ReadonlySet<Scope>;
}

/** Whoever calls without a token: the public directories only. */
export interface Anonymous {
  kind: "anonymous";
}

export type Viewer = User | Anonymous;

export const ANONYMOUS: Anonymous = { kind: "anonymous" };

export function userOf(claims: { sub: string; name: string; role: Role; org: number | null }): User {
  const office = ROLE_OFFICE[claims.role];
  return {
    kind: "user",
    sub: claims.sub,
    name: claims.name,
    role: claims.role,
    org: office && claims.org !== null ? { kind: office, id: claims.org } : null,
    scopes: new Set(ROLE_SCOPES[claims.role]),
  };
}

export function hasScope(viewer: Viewer, scope: Scope): boolean {
  return viewer.kind === "user" && viewer.scopes.has(scope);
}
