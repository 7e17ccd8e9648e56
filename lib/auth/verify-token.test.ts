import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { signToken } from "./dev-keys";
import { createTokenVerifier, TokenError, type AuthConfig } from "./verify-token";

const ISSUER = "njsp";
const AUDIENCE = "njsp-graph";
const SECRET = "a-test-secret-of-at-least-32-characters!";
const hs256: AuthConfig = { keys: { kind: "shared-secret", secret: SECRET }, issuer: ISSUER, audience: AUDIENCE };
const base = { sub: "1204", name: "김상담", role: "COUNSELOR" as const, org: 28, issuer: ISSUER, audience: AUDIENCE };

async function problemOf(verify: (token: string) => Promise<unknown>, token: string): Promise<string> {
  try {
    await verify(token);
  } catch (error) {
    expect(error).toBeInstanceOf(TokenError);
    return (error as TokenError).problem;
  }
  return "ACCEPTED";
}

describe("createTokenVerifier with an ES256 JWKS file", () => {
  let jwksConfig: AuthConfig;
  let privateJwk: JWK;
  let otherPrivateJwk: JWK;

  beforeAll(async () => {
    const pair = await generateKeyPair("ES256", { extractable: true });
    const other = await generateKeyPair("ES256", { extractable: true });
    privateJwk = { ...(await exportJWK(pair.privateKey)), kid: "k1", alg: "ES256" };
    otherPrivateJwk = { ...(await exportJWK(other.privateKey)), kid: "k1", alg: "ES256" };
    const file = path.join(mkdtempSync(path.join(tmpdir(), "jwks-")), "jwks.json");
    writeFileSync(file, JSON.stringify({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: "k1", alg: "ES256", use: "sig" }] }));
    jwksConfig = { keys: { kind: "jwks-file", path: file }, issuer: ISSUER, audience: AUDIENCE };
  });

  it("accepts a valid token and derives the user from its claims", async () => {
    const user = await createTokenVerifier(jwksConfig)(await signToken({ privateJwk }, base));
    expect(user).toEqual({
      kind: "user",
      sub: "1204",
      name: "김상담",
      role: "COUNSELOR",
      org: { kind: "EMPLOYMENT_CENTER", id: 28 },
      scopes: new Set(["participant:read", "welfare:read", "staff:read", "report:read", "participant:write"]),
    });
  });

  it("refuses a token signed by another key", async () => {
    expect(await problemOf(createTokenVerifier(jwksConfig), await signToken({ privateJwk: otherPrivateJwk }, base))).toBe("BAD_SIGNATURE");
  });

  it("refuses an HS256 token where only the JWKS keys count (no algorithm confusion)", async () => {
    expect(await problemOf(createTokenVerifier(jwksConfig), await signToken({ secret: SECRET }, base))).toBe("BAD_SIGNATURE");
  });

  it("refuses alg: none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const claims = { ...base, org: "28", iss: ISSUER, aud: AUDIENCE, iat: now, exp: now + 600 };
    const unsigned = `${header}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;
    expect(await problemOf(createTokenVerifier(jwksConfig), unsigned)).toBe("BAD_SIGNATURE");
    expect(await problemOf(createTokenVerifier(hs256), unsigned)).toBe("BAD_SIGNATURE");
  });
});

describe("createTokenVerifier with a shared HS256 secret", () => {
  const verify = createTokenVerifier(hs256);
  const sign = (claims: Record<string, unknown>, setup: (jwt: SignJWT) => SignJWT = (jwt) => jwt) =>
    setup(new SignJWT(claims).setProtectedHeader({ alg: "HS256" }).setIssuedAt()).sign(new TextEncoder().encode(SECRET));

  it.each([
    [
      "an expired token",
      { ...base },
      (jwt: SignJWT) =>
        jwt
          .setSubject("1")
          .setIssuer(ISSUER)
          .setAudience(AUDIENCE)
          .setExpirationTime(Math.floor(Date.now() / 1000) - 120),
      "EXPIRED",
    ],
    [
      "a token not valid yet",
      {},
      (jwt: SignJWT) => jwt.setSubject("1").setIssuer(ISSUER).setAudience(AUDIENCE).setNotBefore("1h").setExpirationTime("2h"),
      "NOT_YET_VALID",
    ],
    [
      "a token of another issuer",
      {},
      (jwt: SignJWT) => jwt.setSubject("1").setIssuer("evil").setAudience(AUDIENCE).setExpirationTime("1h"),
      "WRONG_ISSUER",
    ],
    [
      "a token for another audience",
      {},
      (jwt: SignJWT) => jwt.setSubject("1").setIssuer(ISSUER).setAudience("other").setExpirationTime("1h"),
      "WRONG_AUDIENCE",
    ],
  ])("refuses %s", async (_label, extra, setup, problem) => {
    const token = await sign({ name: "x", role: "ANALYST", ...extra, org: undefined }, setup);
    expect(await problemOf(verify, token)).toBe(problem);
  });

  it.each([
    ["an unknown role", { role: "SUPERUSER" }],
    ["a staff role without an office", { role: "COUNSELOR", org: undefined }],
    ["a ministry role with an office", { role: "ANALYST", org: 28 }],
    ["a malformed office id", { role: "SAEIL_STAFF", org: "28; drop" }],
  ])("refuses %s", async (_label, claims) => {
    const token = await signToken({ secret: SECRET }, { ...base, role: "ANALYST", org: null });
    const forged = await new SignJWT({ name: "x", ...claims })
      .setProtectedHeader({ alg: "HS256" })
      .setSubject("1")
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setExpirationTime("1h")
      .sign(new TextEncoder().encode(SECRET));
    expect(await problemOf(verify, token)).toBe("ACCEPTED");
    expect(await problemOf(verify, forged)).toBe("BAD_CLAIMS");
  });

  it("refuses a token that is not a JWT, without echoing it", async () => {
    let message = "";
    try {
      await verify("Bearer-garbage.with.dots");
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("The Authorization header does not hold a valid bearer token.");
  });

  it("reads a ministry role as a user of no office", async () => {
    const user = await verify(await signToken({ secret: SECRET }, { ...base, sub: "a-7", role: "ANALYST", org: null }));
    expect(user.org).toBeNull();
    expect([...user.scopes]).toEqual(["report:read"]);
  });
});
