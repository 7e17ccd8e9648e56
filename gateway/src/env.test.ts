import { availableParallelism } from "node:os";
import path from "node:path";
import { SCHEMA_DIR } from "@lib/config/paths";
import { EnvError } from "@lib/env/env";
import { readGatewayEnv } from "./env";

/** The least a production gateway needs: the identity provider's keys and the credential shared with the subgraphs. */
const PRODUCTION_AUTH = { AUTH_JWKS_FILE: "/etc/njsp/jwks.json", GATEWAY_SECRET: "a-gateway-secret-of-32-characters-or-more" };

describe("readGatewayEnv", () => {
  it("falls back to the defaults for everything but the keys", () => {
    expect(readGatewayEnv(PRODUCTION_AUTH)).toEqual({
      port: 4000,
      host: "0.0.0.0",
      nodeEnv: "production",
      development: false,
      supergraphPath: path.join(SCHEMA_DIR, "supergraph.graphql"),
      supergraphPollMs: 1000,
      subgraphUrls: {
        "job-centers": "http://localhost:4001/graphql",
        "local-job-centers": "http://localhost:4002/graphql",
        "saeil-centers": "http://localhost:4003/graphql",
        "welfare-partners": "http://localhost:4004/graphql",
      },
      subgraphTimeoutMs: 2500,
      subgraphTimeouts: { "job-centers": 2500, "local-job-centers": 2500, "saeil-centers": 2500, "welfare-partners": 2500 },
      breaker: { failures: 5, halfOpenAfterMs: 5000, retries: 1 },
      auth: {
        tokens: { keys: { kind: "jwks-file", path: "/etc/njsp/jwks.json" }, issuer: "njsp", audience: "njsp-graph" },
        gatewaySecret: PRODUCTION_AUTH.GATEWAY_SECRET,
      },
      introspection: "authenticated",
      safelist: { enabled: false, path: path.join(SCHEMA_DIR, "..", "test", "contract", "operations.graphql") },
      rateLimit: { points: 100_000, windowSeconds: 60, redisUrl: null },
      subgraphCalls: { maxConcurrent: availableParallelism() * 8, queueWaitMs: 5000 },
      admission: { maxConcurrent: availableParallelism() * 32, maxQueued: 256, maxWaitMs: 5000 },
      reportCache: { enabled: true, ttlSeconds: 3600 },
      trustProxy: false,
      logRequests: true,
      logLevel: "info",
    });
  });

  it("reads LOG_LEVEL", () => {
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, LOG_LEVEL: "warn" }).logLevel).toBe("warn");
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, LOG_LEVEL: "loud" })).toThrow(/LOG_LEVEL must be one of/);
  });

  it("gives each subgraph SUBGRAPH_TIMEOUT_MS unless it has its own, and reads the breaker's settings", () => {
    const env = readGatewayEnv({
      ...PRODUCTION_AUTH,
      SUBGRAPH_TIMEOUT_MS: "2000",
      WELFARE_PARTNERS_TIMEOUT_MS: "4000",
      SUBGRAPH_BREAKER_FAILURES: "3",
      SUBGRAPH_BREAKER_HALF_OPEN_MS: "1500",
      SUBGRAPH_RETRIES: "0",
    });
    expect(env.subgraphTimeouts).toEqual({
      "job-centers": 2000,
      "local-job-centers": 2000,
      "saeil-centers": 2000,
      "welfare-partners": 4000,
    });
    expect(env.breaker).toEqual({ failures: 3, halfOpenAfterMs: 1500, retries: 0 });
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, JOB_CENTERS_TIMEOUT_MS: "0" })).toThrow(
      /JOB_CENTERS_TIMEOUT_MS must be an integer from 1/,
    );
  });

  it("logs requests unless LOG_REQUESTS is false", () => {
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, LOG_REQUESTS: "false" }).logRequests).toBe(false);
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, LOG_REQUESTS: "true" }).logRequests).toBe(true);
  });

  it("reads which proxies to trust for the client's address", () => {
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, TRUST_PROXY: "1" }).trustProxy).toBe(1);
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, TRUST_PROXY: "loopback, 10.0.0.0/8" }).trustProxy).toBe("loopback, 10.0.0.0/8");
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, TRUST_PROXY: "false" }).trustProxy).toBe(false);
  });

  it("stops a production start without the identity provider's keys, saying what to set", () => {
    expect(() => readGatewayEnv({ GATEWAY_SECRET: PRODUCTION_AUTH.GATEWAY_SECRET })).toThrow(
      "no key to verify users' tokens: set AUTH_JWKS_URL (the identity provider's JWKS) or AUTH_JWKS_FILE",
    );
    expect(() => readGatewayEnv({ AUTH_JWKS_URL: "https://idp.example.go.kr/jwks" })).toThrow(/GATEWAY_SECRET is required in production/);
  });

  it("refuses a shared HS256 secret in production and accepts it outside", () => {
    const secret = { AUTH_JWT_SECRET: "a-development-secret-of-32-characters", GATEWAY_SECRET: PRODUCTION_AUTH.GATEWAY_SECRET };
    expect(() => readGatewayEnv(secret)).toThrow(/AUTH_JWT_SECRET \(HS256\) is for development and tests only/);
    const env = readGatewayEnv({ ...secret, NODE_ENV: "development" });
    expect(env.auth.tokens.keys).toEqual({ kind: "shared-secret", secret: secret.AUTH_JWT_SECRET });
    expect(readGatewayEnv({ AUTH_JWT_SECRET: secret.AUTH_JWT_SECRET, NODE_ENV: "test" }).auth.gatewaySecret).toMatch(/never-in-production/);
  });

  it("refuses two key sources at once, a short secret and an invalid JWKS URL", () => {
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, AUTH_JWKS_URL: "https://idp/jwks" })).toThrow(/set only one of AUTH_JWKS_URL/);
    expect(() => readGatewayEnv({ AUTH_JWT_SECRET: "short", NODE_ENV: "test" })).toThrow(/AUTH_JWT_SECRET must be at least 32 characters/);
    expect(() => readGatewayEnv({ AUTH_JWKS_URL: "idp/jwks", GATEWAY_SECRET: PRODUCTION_AUTH.GATEWAY_SECRET })).toThrow(
      /AUTH_JWKS_URL must be an absolute URL/,
    );
  });

  it("reads every variable", () => {
    const env = readGatewayEnv({
      ...PRODUCTION_AUTH,
      PORT: "8080",
      HOST: "127.0.0.1",
      NODE_ENV: "development",
      SUPERGRAPH_PATH: "/etc/njsp/supergraph.graphql",
      JOB_CENTERS_URL: "http://job-centers:4001/graphql",
      LOCAL_JOB_CENTERS_URL: "http://local-job-centers:4002/graphql",
      SAEIL_CENTERS_URL: "https://saeil.example.go.kr/graphql",
      WELFARE_PARTNERS_URL: "http://welfare-partners:4004/graphql",
      SUBGRAPH_TIMEOUT_MS: "2500",
      SUPERGRAPH_POLL_MS: "250",
      REPORT_CACHE: "false",
      REPORT_CACHE_TTL_S: "600",
      REDIS_URL: "redis://cache:6379/1",
    });
    expect(env).toMatchObject({
      port: 8080,
      host: "127.0.0.1",
      development: true,
      supergraphPath: "/etc/njsp/supergraph.graphql",
      supergraphPollMs: 250,
      subgraphTimeoutMs: 2500,
      reportCache: { enabled: false, ttlSeconds: 600 },
      rateLimit: { redisUrl: "redis://cache:6379/1" },
    });
    expect(env.subgraphUrls["saeil-centers"]).toBe("https://saeil.example.go.kr/graphql");
    expect(env.subgraphUrls["welfare-partners"]).toBe("http://welfare-partners:4004/graphql");
  });

  it("treats empty values as unset and resolves a relative supergraph path", () => {
    const env = readGatewayEnv({ ...PRODUCTION_AUTH, PORT: "", HOST: "  ", SUPERGRAPH_PATH: "schema/other.graphql" });
    expect(env.port).toBe(4000);
    expect(env.host).toBe("0.0.0.0");
    expect(env.supergraphPath).toBe(path.resolve("schema/other.graphql"));
  });

  it("accepts port 0 (a free port) and counts only NODE_ENV=development as development", () => {
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, PORT: "0" }).port).toBe(0);
    expect(readGatewayEnv({ ...PRODUCTION_AUTH, NODE_ENV: "test" }).development).toBe(false);
  });

  it("reports every bad value at once, naming the variable", () => {
    let thrown: unknown;
    try {
      readGatewayEnv({
        ...PRODUCTION_AUTH,
        PORT: "80a",
        SUBGRAPH_TIMEOUT_MS: "0",
        WELFARE_PARTNERS_URL: "welfare-partners:4004",
        JOB_CENTERS_URL: "ftp://x/graphql",
      });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(EnvError);
    const { problems, message } = thrown as EnvError;
    expect(problems).toHaveLength(4);
    expect(message).toMatch(/PORT must be an integer from 0 to 65535 \(got "80a"\)/);
    expect(message).toMatch(/SUBGRAPH_TIMEOUT_MS must be an integer from 1/);
    expect(message).toMatch(/WELFARE_PARTNERS_URL must be an http:\/\/ or https:\/\/ URL/);
    expect(message).toMatch(/JOB_CENTERS_URL must be an http:\/\/ or https:\/\/ URL/);
  });

  it("rejects ports out of range and unparseable URLs", () => {
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, PORT: "70000" })).toThrow(/PORT/);
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, PORT: "-1" })).toThrow(/PORT/);
    expect(() => readGatewayEnv({ ...PRODUCTION_AUTH, SAEIL_CENTERS_URL: "not a url" })).toThrow(
      /SAEIL_CENTERS_URL must be an absolute URL/,
    );
  });
});
