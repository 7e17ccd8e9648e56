import path from "node:path";
import { EnvError } from "@lib/env/env";
import { readGatewayEnv } from "./env";

/** The abuse-limit variables of the gateway (use-armor.ts, use-introspection-rule.ts, use-persisted-queries.ts, use-rate-limit.ts). */
const PRODUCTION_AUTH = { AUTH_JWKS_FILE: "/etc/njsp/jwks.json", GATEWAY_SECRET: "a-gateway-secret-of-32-characters-or-more" };

it("opens introspection by default in development only, and reads INTROSPECTION", () => {
  expect(readGatewayEnv(PRODUCTION_AUTH).introspection).toBe("authenticated");
  const development = { NODE_ENV: "development", AUTH_JWT_SECRET: "a-development-secret-of-32-characters" };
  expect(readGatewayEnv(development).introspection).toBe("open");
  expect(readGatewayEnv({ ...PRODUCTION_AUTH, INTROSPECTION: "open" }).introspection).toBe("open");
  expect(readGatewayEnv({ ...development, INTROSPECTION: "authenticated" }).introspection).toBe("authenticated");
});

it("reads the safelist switch and file, the rate limit and the Redis URL", () => {
  const env = readGatewayEnv({
    ...PRODUCTION_AUTH,
    SAFELIST: "true",
    SAFELIST_PATH: "ops/registered.graphql",
    RATE_LIMIT_POINTS: "0",
    RATE_LIMIT_WINDOW_S: "10",
    REDIS_URL: "redis://cache:6379/2",
  });
  expect(env.safelist).toEqual({ enabled: true, path: path.resolve("ops/registered.graphql") });
  expect(env.rateLimit).toEqual({ points: 0, windowSeconds: 10, redisUrl: "redis://cache:6379/2" });
});

it("reports every bad abuse-limit value at once, naming the variable", () => {
  let thrown: unknown;
  try {
    readGatewayEnv({
      ...PRODUCTION_AUTH,
      INTROSPECTION: "anyone",
      SAFELIST: "sure",
      RATE_LIMIT_POINTS: "-1",
      RATE_LIMIT_WINDOW_S: "0",
      REDIS_URL: "http://cache:6379",
    });
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(EnvError);
  const { problems } = thrown as EnvError;
  expect(problems).toEqual([
    'INTROSPECTION must be authenticated or open (got "anyone")',
    'SAFELIST must be true or false (got "sure")',
    'RATE_LIMIT_POINTS must be an integer from 0 to 100000000 (got "-1")',
    'RATE_LIMIT_WINDOW_S must be an integer from 1 to 86400 (got "0")',
    'REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379 (got "http://cache:6379")',
  ]);
});
