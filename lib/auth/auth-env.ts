import type { Environment, EnvReader } from "@lib/env/env";
import type { AuthConfig, TokenKeys } from "./verify-token";

/** What every service needs to tell who is calling: how users' tokens are verified, and the gateway's credential. */
export interface AuthSettings {
  tokens: AuthConfig;
  /** Shared by the gateway and the subgraphs: the gateway sends it with every subgraph call (see gateway-credential.ts). */
  gatewaySecret: string;
}

export const DEFAULT_ISSUER = "njsp";
export const DEFAULT_AUDIENCE = "njsp-graph";
/** Outside production only, so that a service started by hand in development needs no secret of its own. */
const DEVELOPMENT_GATEWAY_SECRET = "njsp-development-gateway-secret-never-in-production";

/** The variables that name where users' tokens are verified; set, they mean an identity provider is configured. */
export const KEY_SOURCE_VARIABLES = ["AUTH_JWKS_URL", "AUTH_JWKS_FILE", "AUTH_JWT_SECRET"] as const;

/** Which of {@link KEY_SOURCE_VARIABLES} are set (blank counts as unset, as everywhere). */
export function configuredKeySources(env: Environment): string[] {
  return KEY_SOURCE_VARIABLES.filter((name) => env[name]?.trim());
}

/**
 * Reads `AUTH_JWKS_URL` | `AUTH_JWKS_FILE` | `AUTH_JWT_SECRET` (exactly one), `AUTH_ISSUER`, `AUTH_AUDIENCE` and
 * `GATEWAY_SECRET`. In production users' tokens are verified only against the identity provider's public keys (a
 * shared HS256 secret would let every service mint tokens) and a missing key configuration stops start-up.
 */
export function readAuthEnv(read: EnvReader, production: boolean): AuthSettings {
  const sources = {
    url: read.optional("AUTH_JWKS_URL"),
    file: read.optional("AUTH_JWKS_FILE"),
    secret: read.optional("AUTH_JWT_SECRET"),
  };
  const given = Object.values(sources).filter(Boolean).length;
  let keys: TokenKeys = { kind: "shared-secret", secret: "" };
  if (given > 1) read.problem(`set only one of ${KEY_SOURCE_VARIABLES.join(", ")}`);
  else if (sources.url) keys = { kind: "jwks-url", url: read.url("AUTH_JWKS_URL", sources.url) };
  else if (sources.file) keys = { kind: "jwks-file", path: sources.file };
  else if (sources.secret && production) {
    read.problem("AUTH_JWT_SECRET (HS256) is for development and tests only; in production set AUTH_JWKS_URL or AUTH_JWKS_FILE");
  } else if (sources.secret && sources.secret.length < 32) read.problem("AUTH_JWT_SECRET must be at least 32 characters");
  else if (sources.secret) keys = { kind: "shared-secret", secret: sources.secret };
  else {
    read.problem(
      "no key to verify users' tokens: set AUTH_JWKS_URL (the identity provider's JWKS) or AUTH_JWKS_FILE" +
        (production ? "" : ", or AUTH_JWT_SECRET outside production"),
    );
  }
  const gatewaySecret = read.optional("GATEWAY_SECRET") ?? (production ? undefined : DEVELOPMENT_GATEWAY_SECRET);
  if (gatewaySecret === undefined)
    read.problem("GATEWAY_SECRET is required in production (the same value for the gateway and every subgraph)");
  else if (gatewaySecret.length < 32) read.problem("GATEWAY_SECRET must be at least 32 characters");
  return {
    tokens: { keys, issuer: read.str("AUTH_ISSUER", DEFAULT_ISSUER), audience: read.str("AUTH_AUDIENCE", DEFAULT_AUDIENCE) },
    gatewaySecret: gatewaySecret ?? "",
  };
}

/** Production unless NODE_ENV says development or test: the safe side is the default. */
export function isProduction(nodeEnv: string | undefined): boolean {
  return nodeEnv !== "development" && nodeEnv !== "test";
}
