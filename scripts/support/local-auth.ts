import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { Client } from "pg";
import { ensureLocalKeys, signToken, type LocalKeys } from "@lib/auth/dev-keys";
import type { Environment } from "@lib/env/env";
import { configuredKeySources } from "@lib/auth/auth-env";

/** How the launcher's services verify callers: the environment it gives them, and the keys to mint tokens with. */
export interface LocalAuth {
  env: Record<string, string>;
  /** The local signing keys, when the launcher provides the identity provider itself (no AUTH_* configured). */
  keys: LocalKeys | null;
}

/**
 * With no `AUTH_*` variable set, `npm start` stands in for the identity provider: an ES256 key pair and a gateway
 * secret under `<dataDir>/auth`, made on first start and kept, so tokens minted by `npm run token` stay valid across
 * restarts. With `AUTH_*` set, the services verify against the configured provider and the launcher mints nothing.
 */
export async function provideLocalAuth(dataDir: string, env: Environment): Promise<LocalAuth> {
  const dir = path.join(dataDir, "auth");
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secretFile = path.join(dir, "gateway-secret");
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString("base64url"), { mode: 0o600 });
  const gatewaySecret = env.GATEWAY_SECRET || readFileSync(secretFile, "utf8").trim();
  if (configuredKeySources(env).length > 0) return { env: { GATEWAY_SECRET: gatewaySecret }, keys: null };
  const keys = await ensureLocalKeys(dir);
  return { env: { GATEWAY_SECRET: gatewaySecret, AUTH_JWKS_FILE: keys.jwksPath }, keys };
}

/** A ready-made token of the counsellor with the largest caseload, for GraphiQL's headers editor. */
export async function counselorToken(
  keys: LocalKeys,
  jobCentersUrl: string,
  tokens: { issuer: string; audience: string },
): Promise<{ token: string; who: string } | null> {
  const client = new Client({ connectionString: jobCentersUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number; center: number }>(
      `SELECT c.id, c.employment_center_id AS center FROM counselor c
       JOIN participant p ON p.counselor_id = c.id GROUP BY c.id ORDER BY count(*) DESC, c.id LIMIT 1`,
    );
    const counselor = rows[0];
    if (!counselor) return null;
    const token = await signToken(keys, {
      role: "COUNSELOR",
      org: counselor.center,
      sub: String(counselor.id),
      // the token is printed to the console: no person's name in it, only the counsellor's id
      name: `counsellor ${counselor.id}`,
      ...tokens,
    });
    return { token, who: `counsellor ${counselor.id} of employment center ${counselor.center}` };
  } finally {
    await client.end();
  }
}
