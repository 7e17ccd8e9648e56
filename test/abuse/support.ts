import { readFileSync } from "node:fs";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { SUBGRAPH_NAMES, type SubgraphName } from "@subgraphs/registry";
import { createGateway, type GatewayOptions, type RunningGateway } from "../../gateway/src/server";
import { GATEWAY_CREDENTIAL_HEADER } from "@lib/auth/gateway-credential";
import { CONTRACT, type TestSystem } from "../support/system";
import { TEST_AUTH, testVerifier } from "../support/test-auth";

/** Helpers of the abuse-limit tests (test/*-limits*.e2e.ts, hostile-input, persisted-queries, rate-limit). */

/** A GraphQL answer's JSON, read as untyped as test/support/system.ts reads it: the tests assert its exact shape. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untyped JSON, as the e2e tests' own answers are
type Json = any;

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: { data?: Json; errors?: Array<{ message: string; path?: (string | number)[]; extensions?: Record<string, Json> }> };
  /** Milliseconds from sending to the parsed answer. */
  ms: number;
}

/** POSTs `body` (any JSON, or a raw string) to `url`, with `headers`; the answer parsed, timed. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> {
  const started = performance.now();
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: JSON.parse(text) as HttpAnswer["body"],
    ms: performance.now() - started,
  };
}

/** `Authorization` for a token (none for null). */
export function bearer(token: string | null): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

/**
 * A request straight to a subgraph's port, as a caller that bypasses the gateway: with the gateway's credential and a
 * counsellor's token, so that the subgraph's own limits, not its caller check, are what the tests meet. Every
 * direct call goes through here: what a subgraph requires of a caller is this one place.
 */
export function toSubgraph(system: TestSystem, name: SubgraphName, body: unknown, token: string): Promise<HttpAnswer> {
  return post(system.subgraphs[name].url, body, { [GATEWAY_CREDENTIAL_HEADER]: TEST_AUTH.gatewaySecret, ...bearer(token) });
}

/** Another gateway over the same subgraphs as `system`'s, with other options (a safelist, a rate limit, development). */
export function gatewayVariant(system: TestSystem, options: Partial<GatewayOptions>): Promise<RunningGateway> {
  return createGateway({
    supergraphSdl: readFileSync(path.join(SCHEMA_DIR, "supergraph.graphql"), "utf8"),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, system.subgraphs[name].url])) as Record<SubgraphName, string>,
    auth: { verify: testVerifier, gatewaySecret: TEST_AUTH.gatewaySecret },
    ...options,
  });
}

/** Asserts the RegionDirectory contract operation answers region 28 correctly (what the databases hold). */
export async function expectRegionDirectoryServed(system: TestSystem, url: string, token: string | null): Promise<number> {
  const started = performance.now();
  const answer = await post(url, { query: CONTRACT, operationName: "RegionDirectory", variables: { code: "28" } }, bearer(token));
  const ms = performance.now() - started;
  expect(answer.status).toBe(200);
  expect(answer.body.errors).toBeUndefined();
  const [region] = await system.sql<{ name: string }>("job-centers", "SELECT name FROM region WHERE code = '28'");
  const centers = await system.sql<{ id: number }>("job-centers", "SELECT id FROM employment_center WHERE region_code = '28' ORDER BY id");
  const data = answer.body.data as { region: { name: string; employmentCenters: { id: string }[] } };
  expect(data.region.name).toBe(region.name);
  expect(data.region.employmentCenters.map((c) => Number(c.id)).sort((a, b) => a - b)).toEqual(centers.map((c) => c.id));
  return ms;
}
