import { signToken } from "@lib/auth/dev-keys";
import type { AuthSettings } from "@lib/auth/auth-env";
import type { Role } from "@lib/auth/roles";
import { createTokenVerifier } from "@lib/auth/verify-token";

/**
 * The tests' identity provider: HS256 with a secret of the test run (allowed outside production only), and the
 * gateway's credential. Production verifies RS256/ES256 against a JWKS, which lib/auth's unit tests cover.
 */
export const TEST_AUTH: AuthSettings = {
  tokens: { keys: { kind: "shared-secret", secret: "njsp-test-secret-0123456789-abcdefghij" }, issuer: "njsp", audience: "njsp-graph" },
  gatewaySecret: "njsp-test-gateway-secret-0123456789-abcdef",
};

export const testVerifier = createTokenVerifier(TEST_AUTH.tokens);

/** A signed token for a test user; `org` is the office id for staff roles. */
export function tokenFor(role: Role, org: number | null = null, sub = `${role.toLowerCase()}-1`): Promise<string> {
  const keys = TEST_AUTH.tokens.keys;
  if (keys.kind !== "shared-secret") throw new Error("the test identity provider signs with a shared secret");
  return signToken(
    { secret: keys.secret },
    { role, org, sub, name: `Test ${role}`, issuer: TEST_AUTH.tokens.issuer, audience: TEST_AUTH.tokens.audience },
  );
}
