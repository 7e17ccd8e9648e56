import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JWK } from "jose";
import type { Role } from "./roles";

/**
 * The signing keys of `npm start`'s stand-in identity provider: an ES256 key pair generated on first start under
 * the data directory. The services verify tokens against the public half (`jwks.json`, as in production with a
 * JWKS file); `npm run token` signs with the private half. Nothing here runs in a production deployment, where the
 * identity provider holds the private key.
 */
export interface LocalKeys {
  /** The public JWKS the services are given (`AUTH_JWKS_FILE`). */
  jwksPath: string;
  privateJwk: JWK;
}

const ALG = "ES256";

export async function ensureLocalKeys(dir: string): Promise<LocalKeys> {
  const jwksPath = path.join(dir, "jwks.json");
  const privatePath = path.join(dir, "signing-key.private.jwk.json");
  if (existsSync(jwksPath) && existsSync(privatePath)) {
    return { jwksPath, privateJwk: JSON.parse(readFileSync(privatePath, "utf8")) as JWK };
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { publicKey, privateKey } = await generateKeyPair(ALG, { extractable: true });
  const kid = `njsp-local-${Date.now().toString(36)}`;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: ALG, use: "sig" };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ALG, use: "sig" };
  writeFileSync(privatePath, JSON.stringify(privateJwk), { mode: 0o600 });
  chmodSync(privatePath, 0o600);
  writeFileSync(jwksPath, JSON.stringify({ keys: [publicJwk] }, null, 2));
  return { jwksPath, privateJwk };
}

export interface TokenRequest {
  role: Role;
  /** Office id for staff roles. */
  org?: number | null;
  sub: string;
  name: string;
  issuer: string;
  audience: string;
  /** Lifetime; default 12 hours (a working day). */
  ttlSeconds?: number;
}

/** Signs a token with an ES256 private JWK (local keys) or an HS256 secret (tests, development). */
export async function signToken(key: { privateJwk: JWK } | { secret: string }, request: TokenRequest): Promise<string> {
  const claims: Record<string, unknown> = { name: request.name, role: request.role };
  if (request.org != null) claims.org = String(request.org);
  const jwt = new SignJWT(claims)
    .setSubject(request.sub)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(`${request.ttlSeconds ?? 12 * 3600}s`);
  if ("secret" in key) return jwt.setProtectedHeader({ alg: "HS256" }).sign(new TextEncoder().encode(key.secret));
  const { kid } = key.privateJwk;
  return jwt.setProtectedHeader({ alg: ALG, ...(kid ? { kid } : {}) }).sign(await importJWK(key.privateJwk, ALG));
}
