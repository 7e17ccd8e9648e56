import { createHash, timingSafeEqual } from "node:crypto";

/**
 * The gateway's credential towards the subgraphs: a secret both sides are given (a Kubernetes Secret, or the launcher
 * generates one). A subgraph serves a call without a user token only when it carries this, so the public directories
 * are open through the gateway and nothing is open on a subgraph's port.
 */
export const GATEWAY_CREDENTIAL_HEADER = "x-njsp-gateway";

/** Compares in constant time (over digests, so the lengths leak nothing either). */
export function isGatewayCredential(presented: string | undefined, secret: string): boolean {
  if (!presented || !secret) return false;
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(presented), digest(secret));
}
