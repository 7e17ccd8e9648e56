import { readFileSync } from "node:fs";
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from "jose";
import { parseIntId } from "@lib/graphql/ids";
import { isRole, ROLE_OFFICE } from "./roles";
import { VerifiedTokenCache } from "./verified-cache";
import { userOf, type User } from "./viewer";

/** Where the keys that sign users' tokens come from: a typed union, one member per way of configuring them. */
export type TokenKeys =
  /** The identity provider's JWKS endpoint (production): RS256 or ES256, keys fetched and cached by `jose`. */
  | { kind: "jwks-url"; url: string }
  /** A JWKS file (production without a reachable endpoint; `npm start` writes one for its own keys). */
  | { kind: "jwks-file"; path: string }
  /** A shared HS256 secret: development and tests only, refused in production by `readAuthEnv`. */
  | { kind: "shared-secret"; secret: string };

export interface AuthConfig {
  keys: TokenKeys;
  /** The `iss` every token must carry. */
  issuer: string;
  /** The `aud` every token must carry. */
  audience: string;
}

/** Why a token was refused, as clients see it in `extensions.reason`; never the token or its claims. */
export type TokenProblem = "MALFORMED" | "BAD_SIGNATURE" | "EXPIRED" | "NOT_YET_VALID" | "WRONG_ISSUER" | "WRONG_AUDIENCE" | "BAD_CLAIMS";

export class TokenError extends Error {
  constructor(
    readonly problem: TokenProblem,
    message: string,
  ) {
    super(message);
    this.name = "TokenError";
  }
}

const ASYMMETRIC = ["RS256", "ES256"];

/** A verifier of bearer tokens: signature, `exp`/`nbf`, `iss`/`aud`, then our claims (`sub`, `name`, `role`, `org`). */
export function createTokenVerifier(config: AuthConfig): (token: string) => Promise<User> {
  const { key, algorithms } = keyOf(config.keys);
  const verified = new VerifiedTokenCache();
  return async (token) => {
    const cached = verified.get(token);
    if (cached) return cached;
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, key, { issuer: config.issuer, audience: config.audience, algorithms, clockTolerance: 30 }));
    } catch (error) {
      throw tokenError(error);
    }
    const user = claimsOf(payload);
    verified.set(token, user, typeof payload.exp === "number" ? payload.exp : undefined);
    return user;
  };
}

function keyOf(keys: TokenKeys): { key: JWTVerifyGetKey | Uint8Array; algorithms: string[] } {
  switch (keys.kind) {
    case "jwks-url":
      return { key: createRemoteJWKSet(new URL(keys.url), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }), algorithms: ASYMMETRIC };
    case "jwks-file":
      return {
        key: createLocalJWKSet(JSON.parse(readFileSync(keys.path, "utf8")) as Parameters<typeof createLocalJWKSet>[0]),
        algorithms: ASYMMETRIC,
      };
    case "shared-secret":
      return { key: new TextEncoder().encode(keys.secret), algorithms: ["HS256"] };
  }
}

function tokenError(error: unknown): TokenError {
  const { code, claim } = (error ?? {}) as { code?: string; claim?: string };
  switch (code) {
    case "ERR_JWT_EXPIRED":
      return new TokenError("EXPIRED", "The token has expired; sign in again.");
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (claim === "nbf") return new TokenError("NOT_YET_VALID", "The token is not valid yet.");
      if (claim === "iss") return new TokenError("WRONG_ISSUER", "The token was issued by an issuer this platform does not trust.");
      if (claim === "aud") return new TokenError("WRONG_AUDIENCE", "The token is meant for another service.");
      return new TokenError("BAD_CLAIMS", "The token's claims are invalid.");
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
    case "ERR_JWKS_NO_MATCHING_KEY":
    case "ERR_JOSE_ALG_NOT_ALLOWED":
    case "ERR_JOSE_NOT_SUPPORTED":
      return new TokenError("BAD_SIGNATURE", "The token's signature cannot be verified.");
    default:
      return new TokenError("MALFORMED", "The Authorization header does not hold a valid bearer token.");
  }
}

/** Our claims, checked: a known role, and an office id exactly when the role works for an office. */
function claimsOf(payload: Record<string, unknown>): User {
  const { sub, name, role, org } = payload;
  if (typeof sub !== "string" || sub === "") throw new TokenError("BAD_CLAIMS", "The token has no subject.");
  if (!isRole(role)) throw new TokenError("BAD_CLAIMS", "The token's role is not one this platform knows.");
  const needsOffice = ROLE_OFFICE[role] !== null;
  const office = typeof org === "string" || typeof org === "number" ? parseIntId(String(org)) : null;
  if (needsOffice && office === null) {
    throw new TokenError("BAD_CLAIMS", `A ${role} token must name the office the user works for (org).`);
  }
  if (!needsOffice && org !== undefined && org !== null) throw new TokenError("BAD_CLAIMS", `A ${role} token names no office.`);
  return userOf({ sub, name: typeof name === "string" ? name : sub, role, org: needsOffice ? office : null });
}
